package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.opensra.array.store.Db;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test copy lives only while its replica is a replication target: promote and reverse of a pair or
 * group that still has one are refused with an error naming the copy, so no copy outlives its test
 * or stays mapped to recovery hosts after its pair changed roles (TF-7: the copy is deleted by
 * testFailoverStop, which SRM runs for every testFailoverStart; FO-2, REV-1).
 */
class TestCopyRoleChangeTest {
    private static final int MB = 1 << 20;

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

    private String replicated(String name) {
        String v = a.createVolume(name, 2 * MB);
        a.write(v, 0, Bytes.random(name.length(), MB));
        a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0)).ok();
        a.syncAndWait(List.of(v), List.of());
        return a.get("/api/v1/volumes/" + v).ok().json().path("replication").path("peerVolumeId").asText();
    }

    private String hostGroupAtB() {
        String host = b.post("/api/v1/hosts", Map.of("name", "esx-1", "initiators",
            List.of(Map.of("type", "iSCSI", "id", "iqn.1998-01.com.vmware:esx-1")))).ok().json().path("id").asText();
        return b.post("/api/v1/host-groups", Map.of("name", "recovery", "hosts", List.of(host))).ok().json().path("id").asText();
    }

    private List<String> mappedVolumesAtB() {
        return b.get("/api/v1/mappings").ok().json().path("mappings").findValuesAsText("volumeId");
    }

    @Test
    @DisplayName("TF-7 FO-2: promote of a replica with a mapped test copy is refused naming the copy; after testFailoverStop it works and nothing stays mapped")
    void promoteRefusedWhileTested() {
        String r = replicated("tested vol");
        JsonNode tc = b.post("/api/v1/replication/test-clones", Map.of("volumes", List.of(r))).ok().item(0);
        assertThat(tc.path("ok").asBoolean()).as(tc.toString()).isTrue();
        String copy = tc.path("clones").path(0).path("id").asText();
        b.post("/api/v1/mappings/map", Map.of("volumes", List.of(copy), "hostGroup", hostGroupAtB())).ok();

        JsonNode refused = b.batch("promote", List.of(r), List.of()).item(0);
        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("error").path("code").asText()).isEqualTo("WRONG_STATE");
        assertThat(refused.path("error").path("message").asText()).contains(copy).contains("testFailoverStop");
        JsonNode replica = b.get("/api/v1/volumes/" + r).ok().json();
        assertThat(replica.path("role").asText()).as("nothing changed").isEqualTo("target");
        assertThat(replica.path("access").asText()).isEqualTo("read-only");
        assertThat(mappedVolumesAtB()).containsExactly(copy);

        b.batch("test-clones/delete", List.of(r), List.of()).item(0);
        assertThat(mappedVolumesAtB()).isEmpty();
        JsonNode promoted = b.batch("promote", List.of(r), List.of()).item(0);
        assertThat(promoted.path("ok").asBoolean()).as(promoted.toString()).isTrue();
        assertThat(b.get("/api/v1/volumes/" + copy).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("TF-7 FO-2: promote of a group with a test copy is refused as a whole; no member changes")
    void groupPromoteRefusedWhileTested() {
        String v1 = a.createVolume("g1", 2 * MB);
        String v2 = a.createVolume("g2", 2 * MB);
        a.write(v1, 0, Bytes.random(1, MB));
        String g = a.post("/api/v1/replication/groups", Map.of("name", "cg", "volumes", List.of(v1, v2), "peer", "array-b",
            "rpoSeconds", 0)).ok().json().path("id").asText();
        a.syncAndWait(List.of(), List.of(g));
        JsonNode tc = b.post("/api/v1/replication/test-clones", Map.of("groups", List.of(g))).ok().item(0);
        assertThat(tc.path("ok").asBoolean()).as(tc.toString()).isTrue();

        JsonNode refused = b.batch("promote", List.of(), List.of(g)).item(0);
        assertThat(refused.path("error").path("code").asText()).isEqualTo("WRONG_STATE");
        assertThat(refused.path("error").path("message").asText()).contains(tc.path("clones").path(0).path("id").asText());
        for (JsonNode p : b.get("/api/v1/replication").ok().json().path("pairs")) {
            assertThat(p.path("role").asText()).isEqualTo("target");
        }
        b.batch("test-clones/delete", List.of(), List.of(g));
        assertThat(b.batch("promote", List.of(), List.of(g)).item(0).path("ok").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("REV-1: reverse is refused while a test copy of the promoted volume exists (one left by an earlier version); an administrator's clone does not block it")
    void reverseRefusedWhileATestCopyExists() throws Exception {
        String r = replicated("reversed vol");
        String v = a.get("/api/v1/replication").ok().json().path("pairs").path(0).path("localVolume").path("id").asText();
        a.batch("demote", List.of(v), List.of());
        assertThat(b.batch("promote", List.of(r), List.of()).item(0).path("ok").asBoolean()).isTrue();
        String copy = b.post("/api/v1/clones", Map.of("source", recoveryPointOf(r), "name", "copy of rp")).ok().json()
            .path("id").asText();
        String plain = b.post("/api/v1/clones", Map.of("source", r, "name", "backup of production")).ok().json()
            .path("id").asText();
        // a store written before test copies were recorded: at the next start, a clone of a replica's
        // recovery point is taken for the test copy it was then
        arrays.daemonB().services().volumes().db().tx(c -> Db.update(c, "DELETE FROM meta WHERE k = 'schema.testCopies'"));
        arrays.stopB();
        arrays.startB();

        for (TestApi at : List.of(a, b)) {
            String id = at == a ? v : r;
            JsonNode refused = at.batch("reverse", List.of(id), List.of()).item(0);
            assertThat(refused.path("ok").asBoolean()).as(refused.toString()).isFalse();
            assertThat(refused.path("error").path("message").asText()).contains(copy).doesNotContain(plain);
        }
        assertThat(b.get("/api/v1/volumes/" + r).ok().json().path("role").asText()).isEqualTo("promoted");
        assertThat(a.get("/api/v1/volumes/" + v).ok().json().path("role").asText()).isEqualTo("demoted");

        b.batch("test-clones/delete", List.of(r), List.of());
        assertThat(b.get("/api/v1/volumes/" + copy).status()).isEqualTo(404);
        JsonNode reversed = b.batch("reverse", List.of(r), List.of()).item(0);
        assertThat(reversed.path("ok").asBoolean()).as(reversed.toString()).isTrue();
        assertThat(b.get("/api/v1/volumes/" + plain).status()).as("an administrator's clone is not a test copy").isEqualTo(200);
    }

    @Test
    @DisplayName("TF-6 TF-7 TF-8: an administrator's clone of a recovery point is not a test copy: not listed, not deleted by testFailoverStop, no block to promote")
    void administratorClonesAreNotTestCopies() {
        String r = replicated("admin clone vol");
        String mine = b.post("/api/v1/clones", Map.of("source", recoveryPointOf(r), "name", "admin copy")).ok().json()
            .path("id").asText();
        JsonNode tc = b.post("/api/v1/replication/test-clones", Map.of("volumes", List.of(r))).ok().item(0);
        assertThat(tc.path("ok").asBoolean()).as(tc.toString()).isTrue();
        JsonNode listed = b.get("/api/v1/replication").ok().json().path("pairs").path(0).path("clones");
        assertThat(listed.findValuesAsText("id")).as("TF-8: the pair lists its test copy only")
            .containsExactly(tc.path("clones").path(0).path("id").asText());
        JsonNode del = b.batch("test-clones/delete", List.of(r), List.of()).item(0);
        assertThat(del.path("deleted").toString()).doesNotContain(mine).contains(tc.path("clones").path(0).path("id").asText());
        assertThat(b.batch("promote", List.of(r), List.of()).item(0).path("ok").asBoolean()).isTrue();
        assertThat(b.get("/api/v1/volumes/" + mine).status()).isEqualTo(200);
    }

    private String recoveryPointOf(String volume) {
        for (JsonNode s : b.get("/api/v1/volumes/" + volume + "/snapshots").ok().json().path("snapshots")) {
            if ("recovery-point".equals(s.path("kind").asText())) {
                return s.path("id").asText();
            }
        }
        return null;
    }
}
