package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch create forms: many volumes, pairs and groups in one call each, with a result per item. */
class BatchCreateTest {
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

    private List<String> volumes(int n, String prefix) {
        List<Object> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(Map.of("name", prefix + i, "sizeBytes", 1 << 20));
        }
        JsonNode items = a.post("/api/v1/volumes/batch", Map.of("volumes", specs)).ok().json().path("items");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            assertThat(item.path("ok").asBoolean()).as(item.toString()).isTrue();
            ids.add(item.path("id").asText());
        }
        return ids;
    }

    @Test
    @DisplayName("DD-1 DD-8 batch volumes: one call, one result per item in order, a bad item fails alone")
    void volumesWithOneBadItem() {
        JsonNode items = a.post("/api/v1/volumes/batch", Map.of("volumes", List.of(
            Map.of("name", "v0", "sizeBytes", 1 << 20),
            Map.of("name", "bad", "sizeBytes", 1000),
            Map.of("name", "v2", "sizeBytes", 4096, "kind", "file")))).ok().json().path("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.path(0).path("ok").asBoolean()).isTrue();
        assertThat(items.path(1).path("ok").asBoolean()).isFalse();
        assertThat(items.path(1).path("error").path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(items.path(2).path("ok").asBoolean()).isTrue();
        assertThat(a.get("/api/v1/volumes/" + items.path(2).path("id").asText()).ok().json().path("kind").asText())
            .isEqualTo("file");
        assertThat(a.get("/api/v1/volumes").ok().json().path("volumes").size()).isEqualTo(2);
        assertThat(a.post("/api/v1/volumes/batch", Map.of("volumes", List.of())).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("DD-1 DD-6 batch pairs and groups: replicas made at the peer, listed on both sides; conflicts fail per item")
    void pairsAndGroups() {
        List<String> v = volumes(12, "bv-");
        List<Object> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(Map.of("volume", v.get(i), "peer", "array-b", "rpoSeconds", 0));
        }
        pairs.add(Map.of("volume", v.get(0), "peer", "array-b"));           // named twice
        pairs.add(Map.of("volume", "array-a.vol.999", "peer", "array-b"));  // unknown
        pairs.add(Map.of("volume", v.get(4), "peer", "nobody"));            // unknown peer
        JsonNode items = a.post("/api/v1/replication/pairs/batch", Map.of("pairs", pairs)).ok().json().path("items");
        assertThat(items.size()).isEqualTo(7);
        for (int i = 0; i < 4; i++) {
            assertThat(items.path(i).path("ok").asBoolean()).as(items.path(i).toString()).isTrue();
            assertThat(items.path(i).path("peerVolumeId").asText()).startsWith("array-b.vol.");
        }
        for (int i = 4; i < 7; i++) {
            assertThat(items.path(i).path("ok").asBoolean()).as(items.path(i).toString()).isFalse();
        }

        JsonNode groups = a.post("/api/v1/replication/groups/batch", Map.of("groups", List.of(
            Map.of("name", "g1", "volumes", List.of(v.get(5), v.get(6)), "peer", "array-b"),
            Map.of("name", "g2", "volumes", List.of(v.get(7), v.get(8), v.get(9)), "peer", "array-b"),
            Map.of("name", "g3", "volumes", List.of(v.get(1)), "peer", "array-b"),           // already paired
            Map.of("name", "g4", "volumes", List.of(v.get(9), v.get(10)), "peer", "array-b")  // claimed by g2
        ))).ok().json().path("items");
        assertThat(groups.path(0).path("ok").asBoolean()).as(groups.toString()).isTrue();
        assertThat(groups.path(0).path("pairIds").size()).isEqualTo(2);
        assertThat(groups.path(1).path("pairIds").size()).isEqualTo(3);
        assertThat(groups.path(2).path("ok").asBoolean()).isFalse();
        assertThat(groups.path(3).path("ok").asBoolean()).isFalse();

        JsonNode listA = a.get("/api/v1/replication").ok().json();
        JsonNode listB = b.get("/api/v1/replication").ok().json();
        assertThat(listA.path("pairs").size()).isEqualTo(9);
        assertThat(listA.path("groups").size()).isEqualTo(2);
        assertThat(listB.path("pairs").size()).isEqualTo(9);
        assertThat(listB.path("groups").size()).isEqualTo(2);
        assertThat(a.get("/api/v1/volumes/" + v.get(10)).ok().json().path("role").asText()).isEqualTo("none");

        // volumes without data start synced: an empty recovery point at the peer, one group point per group
        assertThat(items.path(0).path("initialSync").asText()).isEqualTo("done (no data)");
        for (JsonNode p : listB.path("pairs")) {
            assertThat(p.path("lastSync").isNull()).as(p.toString()).isFalse();
        }
        for (JsonNode g : listA.path("groups")) {
            assertThat(g.path("lastSync").isNull()).as(g.toString()).isFalse();
        }
        String g1 = groups.path(0).path("id").asText();
        JsonNode rps = b.batch("recovery-points", List.of(), List.of(g1)).item(0);
        assertThat(rps.path("ok").asBoolean()).as(rps.toString()).isTrue();
        assertThat(rps.path("recoveryPoints").size()).isEqualTo(1);

        // the batch-made pairs replicate like any other: a write after pairing travels as a delta
        a.write(v.get(0), 0, new byte[] {1, 2, 3});
        a.write(v.get(5), 65536, new byte[] {4, 5});
        a.syncAndWait(List.of(v.get(0)), List.of(g1));
        assertThat(b.read(items.path(0).path("peerVolumeId").asText(), 0, 3)).containsExactly(1, 2, 3);
        String replica5 = a.get("/api/v1/volumes/" + v.get(5)).ok().json().path("replication").path("peerVolumeId").asText();
        assertThat(b.read(replica5, 65536, 2)).containsExactly(4, 5);
        assertThat(b.batch("recovery-points", List.of(), List.of(g1)).item(0).path("recoveryPoints").size()).isEqualTo(2);
    }

    @Test
    @DisplayName("DD-1 SYNC-1 a volume holding data when paired in a batch waits for its first (full) sync")
    void volumeWithDataSyncsFully() {
        List<String> v = volumes(1, "full-");
        byte[] data = new byte[3 * 65536];
        java.util.Arrays.fill(data, (byte) 7);
        a.write(v.get(0), 0, data);
        JsonNode item = a.post("/api/v1/replication/pairs/batch", Map.of("pairs", List.of(
            Map.of("volume", v.get(0), "peer", "array-b", "rpoSeconds", 0)))).ok().json().path("items").path(0);
        assertThat(item.path("initialSync").asText()).isEqualTo("pending");
        String replica = item.path("peerVolumeId").asText();
        assertThat(b.get("/api/v1/replication").ok().json().path("pairs").path(0).path("lastSync").isNull()).isTrue();
        a.syncAndWait(List.of(v.get(0)), List.of());
        assertThat(b.read(replica, 0, data.length)).isEqualTo(data);
        // no snapshot of the source is left behind by the batch (only the sync's base)
        assertThat(a.get("/api/v1/volumes/" + v.get(0) + "/snapshots").ok().json().path("snapshots").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("DD-1 sra-array batch volumes|pairs: one call each from a JSON file; exit 1 when an item fails")
    void cli() throws Exception {
        Path pw = tmp.resolve("pw");
        java.nio.file.Files.writeString(pw, TwoArrays.PASS_A);
        Path vols = tmp.resolve("vols.json");
        java.nio.file.Files.writeString(vols, "{\"volumes\":[{\"name\":\"c1\",\"sizeBytes\":1048576},"
            + "{\"name\":\"c2\",\"sizeBytes\":1048576}]}");
        String[] admin = {"--address", "http://" + arrays.addrA(), "--user", TwoArrays.USER, "--password-file", pw.toString()};
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"batch", "volumes", "--file", vols.toString()}, admin)))
            .isZero();
        JsonNode listed = a.get("/api/v1/volumes").ok().json().path("volumes");
        assertThat(listed.size()).isEqualTo(2);
        Path pairs = tmp.resolve("pairs.json");
        java.nio.file.Files.writeString(pairs, "{\"pairs\":[{\"volume\":\"" + listed.path(0).path("id").asText()
            + "\",\"peer\":\"array-b\"},{\"volume\":\"nope\",\"peer\":\"array-b\"}]}");
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"batch", "pairs", "--file", pairs.toString()}, admin)))
            .isEqualTo(1);
        assertThat(a.get("/api/v1/replication").ok().json().path("pairs").size()).isEqualTo(1);
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"batch", "hosts", "--file", pairs.toString()}, admin)))
            .isNotZero();
    }

    @Test
    @DisplayName("DD-1 sra-array volume write-many|read-many: several volumes' data in one session from a list file; exit 1 on a bad line or an unknown volume")
    void dataListForms() throws Exception {
        Path pw = tmp.resolve("pw");
        java.nio.file.Files.writeString(pw, TwoArrays.PASS_A);
        String[] admin = {"--address", "http://" + arrays.addrA(), "--user", TwoArrays.USER, "--password-file", pw.toString()};
        String v1 = a.createVolume("list-1", 1 << 20);
        String v2 = a.createVolume("list-2", 1 << 20);
        byte[] d1 = Bytes.random(1, 16384);
        byte[] d2 = Bytes.random(2, 20000);
        Path f1 = java.nio.file.Files.write(tmp.resolve("d1"), d1);
        Path f2 = java.nio.file.Files.write(tmp.resolve("d2"), d2);
        Path writes = java.nio.file.Files.writeString(tmp.resolve("writes.list"),
            v1 + "\t8192\t16384\t" + f1 + "\n" + v2 + "\t0\t20000\t" + f2 + "\n");
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"volume", "write-many", "--list", writes.toString()},
            admin))).isZero();
        assertThat(a.read(v1, 8192, d1.length)).isEqualTo(d1);
        assertThat(a.read(v2, 0, d2.length)).isEqualTo(d2);

        Path r1 = tmp.resolve("r1");
        Path r2 = tmp.resolve("r2");
        Path reads = java.nio.file.Files.writeString(tmp.resolve("reads.list"),
            v2 + "\t0\t20000\t" + r2 + "\n\n" + v1 + "\t8192\t16384\t" + r1 + "\n");
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"volume", "read-many", "--list", reads.toString()},
            admin))).isZero();
        assertThat(java.nio.file.Files.readAllBytes(r1)).isEqualTo(d1);
        assertThat(java.nio.file.Files.readAllBytes(r2)).isEqualTo(d2);

        Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.list"), v1 + " 0 16384 " + r1 + "\n");
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"volume", "read-many", "--list", bad.toString()},
            admin))).isNotZero();
        Path unknown = java.nio.file.Files.writeString(tmp.resolve("unknown.list"), "no-such-volume\t0\t16384\t" + r1 + "\n");
        assertThat(org.opensra.array.ArrayMain.run(concat(new String[] {"volume", "read-many", "--list", unknown.toString()},
            admin))).isNotZero();
    }

    private static String[] concat(String[] x, String[] y) {
        String[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
