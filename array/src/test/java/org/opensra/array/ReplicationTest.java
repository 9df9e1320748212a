package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationTest {
    private static final int MB = 1 << 20;
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path tmp;
    TwoArrays arrays;
    TestApi a;
    TestApi b;

    @BeforeEach
    void start() throws Exception {
        arrays = new TwoArrays(tmp);
        a = arrays.apiA();
        b = arrays.apiB();
    }

    @AfterEach
    void stop() {
        arrays.close();
    }

    private String replicated(String name, long size, byte[] initial) {
        String v = a.createVolume(name, size);
        if (initial != null) {
            a.write(v, 0, initial);
        }
        a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0)).ok();
        return v;
    }

    private String replicaOf(String sourceVolume) {
        return a.get("/api/v1/volumes/" + sourceVolume).ok().json().path("replication").path("peerVolumeId").asText();
    }

    private JsonNode latestRp(TestApi api, String volume) {
        JsonNode item = api.batch("recovery-points", List.of(volume), List.of()).item(0);
        assertThat(item.path("ok").asBoolean()).as(item.toString()).isTrue();
        return item.path("recoveryPoints").path(0);
    }

    @Test
    @DisplayName("SYNC-1 sync returns a job; only blocks changed since the last common snapshot travel, bytes counted")
    void deltaSync() {
        byte[] data = Bytes.random(1, 4 * MB);
        String v = replicated("delta vol", 16 * MB, data);
        JsonNode first = a.syncAndWait(List.of(v), List.of());
        assertThat(first.path("state").asText()).isEqualTo("complete");
        assertThat(first.path("percent").asInt()).isEqualTo(100);
        assertThat(first.path("bytesSent").asLong()).isBetween(4L * MB, 4L * MB + 64 * 1024);
        String replica = replicaOf(v);
        JsonNode rp = latestRp(b, replica);
        assertThat(Arrays.copyOf(b.read(rp.path("id").asText()), 4 * MB)).isEqualTo(data);

        byte[] patch = Bytes.random(2, BLOCK);
        a.write(v, 9L * MB + 3 * BLOCK, patch);
        JsonNode second = a.syncAndWait(List.of(v), List.of());
        assertThat(second.path("bytesSent").asLong()).as("one changed block").isBetween((long) BLOCK, (long) (BLOCK * 1.1));
        assertThat(b.read(replica)).isEqualTo(a.read(v));
        JsonNode rps = b.batch("recovery-points", List.of(replica), List.of()).item(0).path("recoveryPoints");
        assertThat(rps.size()).isEqualTo(2);
        // the source's own volume id is accepted at the target array too (DD-8), and sync there is forwarded
        JsonNode fwd = b.batch("sync", List.of(v), List.of()).item(0);
        assertThat(fwd.path("ok").asBoolean()).as(fwd.toString()).isTrue();
        assertThat(fwd.path("jobId").asText()).startsWith("array-a.job.");
        assertThat(b.awaitJob(fwd.path("jobId").asText()).path("state").asText()).isEqualTo("complete");
    }

    @Test
    @DisplayName("DD-6 a group transfer makes one crash-consistent recovery point for all members")
    void groupPoint() {
        String[] vols = new String[3];
        for (int i = 0; i < 3; i++) {
            vols[i] = a.createVolume("cg member " + i, 4 * MB);
            a.write(vols[i], i * BLOCK, Bytes.random(10 + i, 2 * BLOCK));
        }
        JsonNode g = a.post("/api/v1/replication/groups", Map.of("name", "cg one", "volumes", List.of(vols), "peer", "array-b",
            "rpoSeconds", 0)).ok().json();
        String gid = g.path("id").asText();
        assertThat(a.syncAndWait(List.of(), List.of(gid)).path("state").asText()).isEqualTo("complete");
        JsonNode gp = b.batch("recovery-points", List.of(), List.of(gid)).item(0).path("recoveryPoints").path(0);
        assertThat(gp.path("id").asText()).startsWith("array-b.gp.");
        JsonNode listing = b.get("/api/v1/replication").ok().json();
        int withPoint = 0;
        for (JsonNode p : listing.path("pairs")) {
            if (gid.equals(p.path("groupId").asText())) {
                assertThat(p.path("lastRecoveryPoint").path("time").asText()).isEqualTo(gp.path("time").asText());
                withPoint++;
            }
        }
        assertThat(withPoint).isEqualTo(3);
        for (String v : vols) {
            assertThat(b.read(replicaOf(v))).isEqualTo(a.read(v));
        }
        // a member alone cannot change role: the group acts as a whole
        JsonNode alone = a.batch("demote", List.of(vols[0]), List.of()).item(0);
        assertThat(alone.path("error").path("code").asText()).isEqualTo("WRONG_STATE");
    }

    @Test
    @DisplayName("PF-1 PF-2 SYNC-6 FO-2 FO-3 REV-1 REV-2 REV-4 REV-5 planned migration, reprotect and failback keep every byte")
    void plannedMigrationAndFailback() {
        byte[] d1 = Bytes.random(3, 2 * MB);
        String v = replicated("vm ds", 8 * MB, d1);
        a.syncAndWait(List.of(v), List.of());
        String r = replicaOf(v);
        byte[] late = Bytes.random(4, BLOCK);
        a.write(v, 5L * MB, late);

        JsonNode dem = a.batch("demote", List.of(v), List.of()).item(0);
        assertThat(dem.path("noop").asBoolean()).isFalse();
        assertThat(dem.path("snapshots").path(0).path("name").asText()).startsWith("prefailover");
        assertThat(a.put("/api/v1/volumes/" + v + "/data?offset=0", new byte[BLOCK]).status()).isEqualTo(409);
        assertThat(a.batch("demote", List.of(v), List.of()).item(0).path("noop").asBoolean()).isTrue();
        // sync after demote carries the last writes (SYNC-6)
        a.syncAndWait(List.of(v), List.of());
        byte[] atDemote = a.read(v);
        assertThat(b.read(latestRp(b, r).path("id").asText())).isEqualTo(atDemote);

        JsonNode pro = b.batch("promote", List.of(r), List.of()).item(0);
        assertThat(pro.path("noop").asBoolean()).isFalse();
        assertThat(pro.path("volumes").path(0).path("access").asText()).isEqualTo("read-write");
        assertThat(pro.path("recoveryPoint").path("id").asText()).startsWith("array-b.rp.");
        JsonNode again = b.batch("promote", List.of(r), List.of()).item(0);
        assertThat(again.path("noop").asBoolean()).isTrue();
        assertThat(again.path("volumes").path(0).path("id").asText()).isEqualTo(r);
        assertThat(b.read(r)).isEqualTo(atDemote);
        byte[] atB = Bytes.random(5, 3 * BLOCK);
        b.write(r, 1L * MB, atB);

        JsonNode rev = b.batch("reverse", List.of(r), List.of()).item(0);
        assertThat(rev.path("noop").asBoolean()).as(rev.toString()).isFalse();
        assertThat(rev.path("sourceArrayId").asText()).isEqualTo("array-b");
        assertThat(a.get("/api/v1/volumes/" + v).ok().json().path("access").asText()).isEqualTo("read-only");
        assertThat(a.read(v)).as("REV-4 the old source keeps a usable copy").isEqualTo(atDemote);
        String prefailover = dem.path("snapshots").path(0).path("id").asText();
        String prepromote = pro.path("snapshots").path(0).path("id").asText();
        assertThat(a.read(prefailover)).as("REV-4 the pre-failover snapshot lives until the follow-up sync").isEqualTo(atDemote);
        assertThat(b.batch("reverse", List.of(r), List.of()).item(0).path("noop").asBoolean()).isTrue();
        JsonNode job = b.syncAndWait(List.of(r), List.of());
        assertThat(job.path("bytesSent").asLong()).as("REV-2 only changes travel back").isLessThan(4L * BLOCK + 4096);
        assertThat(a.read(v)).isEqualTo(b.read(r));
        // issue 15: once the follow-up sync completed, the role-change snapshots have served and are deleted
        assertThat(a.get("/api/v1/volumes/" + prefailover + "/data").status()).isEqualTo(404);
        assertThat(b.get("/api/v1/volumes/" + prepromote + "/data").status()).isEqualTo(404);
        String pair = a.get("/api/v1/volumes/" + v).ok().json().path("pairId").asText();
        assertThat(a.get("/api/v1/replication/pairs/" + pair).ok().json().path("prefailoverSnapshot").isNull()).isTrue();
        assertThat(b.get("/api/v1/replication/pairs/" + pair).ok().json().path("prepromoteSnapshot").isNull()).isTrue();

        // failback: B demoted, A promoted, reversed again
        b.batch("demote", List.of(r), List.of());
        b.syncAndWait(List.of(r), List.of());
        a.batch("promote", List.of(v), List.of());
        JsonNode back = a.batch("reverse", List.of(v), List.of()).item(0);
        assertThat(back.path("sourceArrayId").asText()).as(back.toString()).isEqualTo("array-a");
        byte[] after = Bytes.random(6, BLOCK);
        a.write(v, 0, after);
        a.syncAndWait(List.of(v), List.of());
        assertThat(b.read(r)).isEqualTo(a.read(v));
        assertThat(a.get("/api/v1/replication/pairs/" + a.get("/api/v1/volumes/" + v).ok().json().path("pairId").asText())
            .ok().json().path("role").asText()).isEqualTo("source");
    }

    @Test
    @DisplayName("FO-5 RES-1 RES-2 RES-4 promote with the peer down, then restore discards the target's changes")
    void disasterThenRestore() throws Exception {
        byte[] d1 = Bytes.random(7, MB);
        String v = replicated("prod", 4 * MB, d1);
        a.syncAndWait(List.of(v), List.of());
        String r = replicaOf(v);
        byte[] rpData = b.read(r);
        arrays.stopA();
        JsonNode pro = b.batch("promote", List.of(r), List.of()).item(0);
        assertThat(pro.path("ok").asBoolean()).as(pro.toString()).isTrue();
        b.write(r, 0, Bytes.random(8, 2 * BLOCK));
        JsonNode noPeer = b.batch("restore", List.of(r), List.of()).item(0);
        assertThat(noPeer.path("error").path("code").asText()).isEqualTo("PEER_UNREACHABLE");
        arrays.startA();
        a = arrays.apiA();
        // asked at the original source: forwarded to the promoted side
        JsonNode res = a.batch("restore", List.of(v), List.of()).item(0);
        assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
        assertThat(res.path("noop").asBoolean()).isFalse();
        assertThat(b.read(r)).as("FO-6/RES-1 the recovery site's changes are gone").isEqualTo(rpData);
        assertThat(b.get("/api/v1/volumes/" + r).ok().json().path("access").asText()).isEqualTo("read-only");
        assertThat(a.get("/api/v1/volumes/" + v).ok().json().path("access").asText()).isEqualTo("read-write");
        assertThat(a.batch("restore", List.of(v), List.of()).item(0).path("noop").asBoolean()).isTrue();
        a.write(v, 2L * MB, Bytes.random(9, BLOCK));
        JsonNode job = a.syncAndWait(List.of(v), List.of());
        assertThat(job.path("bytesSent").asLong()).as("resumes with deltas").isLessThan(2L * BLOCK);
        assertThat(b.read(r)).isEqualTo(a.read(v));
    }

    @Test
    @DisplayName("TF-2 TF-3 TF-6 TF-7 TF-8 test clones are writable, do not disturb replication and are idempotently deleted")
    void testClones() {
        String v = replicated("tf vol", 4 * MB, Bytes.random(11, MB));
        a.syncAndWait(List.of(v), List.of());
        String r = replicaOf(v);
        byte[] rp = b.read(r);
        JsonNode tc = b.post("/api/v1/replication/test-clones", Map.of("volumes", List.of(r))).ok().item(0);
        assertThat(tc.path("ok").asBoolean()).as(tc.toString()).isTrue();
        String clone = tc.path("clones").path(0).path("id").asText();
        assertThat(b.read(clone)).isEqualTo(rp);
        b.write(clone, 0, Bytes.random(12, BLOCK));
        JsonNode dup = b.post("/api/v1/replication/test-clones", Map.of("volumes", List.of(r))).ok().item(0);
        assertThat(dup.path("error").path("code").asText()).isEqualTo("CONFLICT");
        JsonNode pair = b.get("/api/v1/replication").ok().json().path("pairs").path(0);
        assertThat(pair.path("clones").path(0).path("id").asText()).isEqualTo(clone);

        a.write(v, MB, Bytes.random(13, BLOCK));
        a.syncAndWait(List.of(v), List.of());
        assertThat(b.read(r)).isEqualTo(a.read(v));
        assertThat(b.read(clone)).isNotEqualTo(b.read(r));
        assertThat(Arrays.copyOfRange(b.read(clone), BLOCK, 4 * MB)).isEqualTo(Arrays.copyOfRange(rp, BLOCK, 4 * MB));

        JsonNode del = b.batch("test-clones/delete", List.of(r), List.of()).item(0);
        assertThat(del.path("noop").asBoolean()).isFalse();
        assertThat(del.path("deleted").path(0).asText()).isEqualTo(clone);
        assertThat(b.batch("test-clones/delete", List.of(r), List.of()).item(0).path("noop").asBoolean()).isTrue();
        assertThat(b.get("/api/v1/volumes/" + clone).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("RP-1 RP-2 the target keeps the last N recovery points; promote at an older one")
    void keepsRecoveryPoints() {
        String v = a.createVolume("rp vol", 2 * MB);
        a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0, "keep", 2)).ok();
        byte[][] states = new byte[4][];
        for (int i = 0; i < 4; i++) {
            a.write(v, (long) i * BLOCK, Bytes.random(20 + i, BLOCK));
            a.syncAndWait(List.of(v), List.of());
            states[i] = a.read(v);
        }
        String r = replicaOf(v);
        JsonNode rps = b.batch("recovery-points", List.of(r), List.of()).item(0).path("recoveryPoints");
        assertThat(rps.size()).isEqualTo(2);
        assertThat(b.read(rps.get(0).path("id").asText())).isEqualTo(states[3]);
        assertThat(b.read(rps.get(1).path("id").asText())).isEqualTo(states[2]);
        JsonNode pro = b.post("/api/v1/replication/promote", Map.of("volumes", List.of(r),
            "recoveryPoint", rps.get(1).path("id").asText())).ok().item(0);
        assertThat(pro.path("recoveryPoint").path("id").asText()).isEqualTo(rps.get(1).path("id").asText());
        assertThat(b.read(r)).isEqualTo(states[2]);
    }
}
