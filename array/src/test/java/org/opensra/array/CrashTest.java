package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash tests: daemons in their own JVMs are killed with SIGKILL at random instants of writes,
 * syncs, demote, promote, reverse and restore, test-copy creation and removal, and mapping changes
 * (at least 100 kills). After each restart the arrays converge: no acknowledged write is lost, a
 * write in flight is all-or-nothing, every recovery point and test copy is an image that was really
 * synced, re-issued operations (idempotent) complete, a mapping exists once or not at all, and no
 * test copy or its mapping outlives testFailoverStop (TF-7) or lets its replica be promoted.
 */
class CrashTest {
    private static final int KILLS = 100;
    private static final int SIZE = 1 << 20;
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path tmp;
    private LinkedDaemons sites;
    private final Random rnd = new Random(20261125);
    private int kills;
    private String src = "A";
    private String volA;
    private String volB;
    private byte[] model = new byte[SIZE];
    private final Set<String> synced = new HashSet<>();
    private final StringBuilder log = new StringBuilder();
    private final Map<String, String> hostGroup = new java.util.HashMap<>();

    @AfterEach
    void stop() throws Exception {
        if (sites != null) {
            sites.close();
        }
    }

    private TestApi api(String side) {
        return sites.api(side);
    }

    private static String other(String side) {
        return "A".equals(side) ? "B" : "A";
    }

    private String vol(String side) {
        return "A".equals(side) ? volA : volB;
    }

    @Test
    @DisplayName("TF-2 TF-7 FO-3 REV-5 RES-4 crash: SIGKILL during writes, syncs, demote, promote, reverse, restore, test copies and mappings (>= 100 kills) converges, no acknowledged write lost")
    void killsEverywhere() throws Exception {
        sites = new LinkedDaemons(tmp, List.of(), List.of());
        volA = api("A").createVolume("crash vol", SIZE);
        api("A").post("/api/v1/replication/pairs", Map.of("volume", volA, "peer", "array-b", "rpoSeconds", 0, "keep", 3)).ok();
        volB = api("A").get("/api/v1/volumes/" + volA).ok().json().path("replication").path("peerVolumeId").asText();
        syncUntilComplete();
        for (String side : List.of("A", "B")) {
            String host = api(side).post("/api/v1/hosts", Map.of("name", "esx " + side, "initiators",
                List.of(Map.of("type", "iSCSI", "id", "iqn.1998-01.com.vmware:esx-" + side.toLowerCase())))).ok().json()
                .path("id").asText();
            hostGroup.put(side, api(side).post("/api/v1/host-groups", Map.of("name", "cluster " + side, "hosts", List.of(host)))
                .ok().json().path("id").asText());
        }

        int round = 0;
        while (kills < KILLS) {
            switch (round++ % 4) {
                case 0 -> writes();
                case 1 -> syncWithKill();
                case 2 -> testCopyCycle();
                default -> roleCycle();
            }
        }
        assertThat(kills).isGreaterThanOrEqualTo(KILLS);
        syncUntilComplete();
        assertThat(api(other(src)).read(vol(other(src)))).isEqualTo(model);
    }

    // ------------------------------------------------------------------ crash helpers

    private void crash(String side) throws Exception {
        sites.kill(side);
        kills++;
        sites.start(side);
    }

    /** Runs op in the background, kills victim after a random delay, restarts it. */
    private void killDuring(String what, Runnable op, String victim) throws Exception {
        log.append(what).append(" / kill ").append(victim).append('\n');
        Thread t = new Thread(() -> {
            try {
                op.run();
            } catch (Throwable ignored) {
                // the victim may die under the call: the outcome is checked after the restart
            }
        });
        t.start();
        Thread.sleep(rnd.nextInt(200));
        crash(victim);
        t.join(120_000);
    }

    private JsonNode until(String what, Supplier<JsonNode> op) {
        return LinkedDaemons.until(what, op, log);
    }

    private JsonNode batch(String side, String op) {
        return api(side).batch(op, List.of(vol(side)), List.of()).item(0);
    }

    private static String hash(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    // ------------------------------------------------------------------ scenarios

    private void writes() throws Exception {
        final byte[][] inDoubt = new byte[1][];
        final int[] inDoubtOff = new int[1];
        final boolean[] stop = new boolean[1];
        Thread writer = new Thread(() -> {
            Random r = new Random(rnd.nextLong());
            TestApi api = api(src);
            while (!stop[0]) {
                int len = (1 + r.nextInt(32)) * 4096;
                int off = r.nextInt((SIZE - len) / 4096) * 4096;
                byte[] data = new byte[len];
                r.nextBytes(data);
                try {
                    api.write(vol(src), off, data);
                } catch (Throwable e) {
                    inDoubt[0] = data;
                    inDoubtOff[0] = off;
                    return;
                }
                synchronized (this) {
                    System.arraycopy(data, 0, model, off, len);
                }
            }
        });
        log.append("writes / kill ").append(src).append('\n');
        writer.start();
        Thread.sleep(30 + rnd.nextInt(300));
        crash(src);
        stop[0] = true;
        writer.join(60_000);
        byte[] now = api(src).read(vol(src));
        synchronized (this) {
            LinkedDaemons.settle(now, model, inDoubt[0], inDoubtOff[0], log);
        }
    }

    private void writeSome(String side) {
        int blocks = 1 + rnd.nextInt(6);
        for (int i = 0; i < blocks; i++) {
            byte[] data = new byte[BLOCK];
            rnd.nextBytes(data);
            int off = rnd.nextInt(SIZE / BLOCK) * BLOCK;
            api(side).write(vol(side), off, data);
            System.arraycopy(data, 0, model, off, BLOCK);
        }
    }

    private void syncWithKill() throws Exception {
        writeSome(src);
        synced.add(hash(model));
        String victim = rnd.nextBoolean() ? "A" : "B";
        killDuring("sync", () -> batch(src, "sync"), victim);
        syncUntilComplete();
        checkRecoveryPoints();
    }

    private void syncUntilComplete() throws Exception {
        synced.add(hash(model));
        until("sync", () -> {
            JsonNode item = batch(src, "sync");
            if (!item.path("ok").asBoolean()) {
                return item;
            }
            JsonNode job = api(src).awaitJob(item.path("jobId").asText());
            return Json.MAPPER.valueToTree(Map.of("ok", "complete".equals(job.path("state").asText()), "job", job));
        });
        String tgt = other(src);
        assertThat(Arrays.equals(api(tgt).read(vol(tgt)), model)).as("replica converged\n" + log).isTrue();
    }

    private void checkRecoveryPoints() throws Exception {
        String tgt = other(src);
        JsonNode rps = batch(tgt, "recovery-points").path("recoveryPoints");
        assertThat(rps.size()).isGreaterThan(0);
        for (JsonNode rp : rps) {
            byte[] img = api(tgt).read(rp.path("id").asText());
            assertThat(synced).as("recovery point " + rp + " is a synced image, never a half-applied one\n" + log)
                .contains(hash(img));
        }
    }

    private List<String> mapped(String side, String volume) {
        List<String> groups = new java.util.ArrayList<>();
        for (JsonNode m : api(side).get("/api/v1/mappings").ok().json().path("mappings")) {
            if (volume.equals(m.path("volumeId").asText())) {
                groups.add(m.path("hostGroupId").asText());
            }
        }
        return groups;
    }

    private JsonNode mapping(String side, String op, String volume) {
        return api(side).post("/api/v1/mappings/" + op, Map.of("volumes", List.of(volume), "hostGroup", hostGroup.get(side)))
            .ok().item(0);
    }

    /** The test copies of the replica at side (from the pair listing). */
    private List<String> testCopies(String side) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode p : api(side).get("/api/v1/replication").ok().json().path("pairs")) {
            for (JsonNode c : p.path("clones")) {
                out.add(c.path("id").asText());
            }
        }
        return out;
    }

    /** Maps (or unmaps) volume at side with a kill in the middle; after the restart it is mapped once (or not at all). */
    private void mappingWithKill(String side, String op, String volume) throws Exception {
        killDuring(op + " " + volume + " at " + side, () -> mapping(side, op, volume), rnd.nextBoolean() ? side : other(side));
        until(op, () -> mapping(side, op, volume));
        assertThat(mapped(side, volume)).as(op + " converged\n" + log)
            .isEqualTo("map".equals(op) ? List.of(hostGroup.get(side)) : List.of());
    }

    /**
     * Test failover with kills: start (test copy of the latest recovery point), map, promote refused
     * while the copy lives, stop; and mapping changes of the source volume. TF-2 TF-7.
     */
    private void testCopyCycle() throws Exception {
        String tgt = other(src);
        String replica = vol(tgt);
        killDuring("test-clones at " + tgt, () -> batch(tgt, "test-clones"), rnd.nextBoolean() ? tgt : src);
        List<String> copies = testCopies(tgt);
        assertThat(copies.size()).as("at most one test copy after a killed start\n" + log).isLessThanOrEqualTo(1);
        if (copies.isEmpty()) {
            until("test-clones", () -> batch(tgt, "test-clones"));
            copies = testCopies(tgt);
        }
        assertThat(copies).as("one test copy\n" + log).hasSize(1);
        String copy = copies.get(0);
        assertThat(synced).as("the test copy is a synced image\n" + log).contains(hash(api(tgt).read(copy)));
        assertThat(batch(tgt, "test-clones").path("error").path("code").asText()).as("TF-6").isEqualTo("CONFLICT");

        mappingWithKill(tgt, "map", copy);
        byte[] scratch = new byte[BLOCK];
        rnd.nextBytes(scratch);
        api(tgt).write(copy, 0, scratch);
        JsonNode promote = batch(tgt, "promote");
        assertThat(promote.path("ok").asBoolean()).as("no promote while a test copy lives\n" + promote + "\n" + log).isFalse();
        assertThat(promote.path("error").path("message").asText()).contains(copy);
        if (rnd.nextBoolean()) {
            mappingWithKill(tgt, "unmap", copy);
            mappingWithKill(tgt, "map", copy);
        }

        killDuring("test-clones/delete at " + tgt, () -> batch(tgt, "test-clones/delete"), rnd.nextBoolean() ? tgt : src);
        until("test-clones/delete", () -> batch(tgt, "test-clones/delete"));
        assertThat(api(tgt).get("/api/v1/volumes/" + copy).status()).as("test copy gone\n" + log).isEqualTo(404);
        assertThat(mapped(tgt, copy)).as("no mapping outlives the test copy\n" + log).isEmpty();
        assertThat(testCopies(tgt)).isEmpty();
        assertThat(api(tgt).get("/api/v1/volumes/" + replica).ok().json().path("role").asText()).isEqualTo("target");

        mappingWithKill(src, "map", vol(src));
        writeSome(src);
        mappingWithKill(src, "unmap", vol(src));
        syncUntilComplete();
    }

    private void roleCycle() throws Exception {
        String from = src;
        String to = other(src);
        killDuring("demote " + from, () -> batch(from, "demote"), rnd.nextBoolean() ? from : to);
        until("demote", () -> batch(from, "demote"));
        syncUntilComplete();
        killDuring("promote " + to, () -> batch(to, "promote"), to);
        until("promote", () -> batch(to, "promote"));
        assertThat(Arrays.equals(api(to).read(vol(to)), model)).as("promoted volume = source image\n" + log).isTrue();
        byte[] beforeFailover = model.clone();
        writeSome(to);
        if (rnd.nextBoolean()) {
            String at = rnd.nextBoolean() ? from : to;
            killDuring("reverse at " + at, () -> batch(at, "reverse"), rnd.nextBoolean() ? from : to);
            until("reverse", () -> batch(to, "reverse"));
            src = to;
            killDuring("sync after reverse", () -> batch(src, "sync"), rnd.nextBoolean() ? from : to);
            syncUntilComplete();
        } else {
            String at = rnd.nextBoolean() ? from : to;
            killDuring("restore at " + at, () -> batch(at, "restore"), rnd.nextBoolean() ? from : to);
            until("restore", () -> batch(to, "restore"));
            model = beforeFailover;
            assertThat(Arrays.equals(api(to).read(vol(to)), model)).as("restore discarded the target's changes\n" + log).isTrue();
            killDuring("sync after restore", () -> batch(src, "sync"), rnd.nextBoolean() ? from : to);
            syncUntilComplete();
        }
        checkRecoveryPoints();
    }
}
