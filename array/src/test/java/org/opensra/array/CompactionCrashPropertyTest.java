package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property (issue 15): compaction is crash-safe. Two daemons in their own JVMs; at one of them a
 * throttled compaction pass runs beside host writes and a replication sync, and the daemon is killed
 * with SIGKILL at a random instant. After each restart every volume, snapshot, clone and recovery
 * point reads back byte-equal to the model (a write in flight at the kill is whole or absent), the
 * sync converges, and a quiet pass afterwards leaves no unreferenced byte in the data file: nothing
 * acknowledged is lost and nothing is leaked that the next compaction cannot find.
 */
class CompactionCrashPropertyTest {
    private static final int SIZE = 1 << 20;
    private static final int ROUNDS = 24;
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path tmp;
    private LinkedDaemons sites;
    private final Random rnd = new Random(20261203);
    private final StringBuilder log = new StringBuilder();
    /** What each object of site A reads as: plain volumes, snapshots, clones, the replicated source. */
    private final Map<String, byte[]> modelA = new LinkedHashMap<>();
    /** What each recovery point at site B reads as. */
    private final Map<String, byte[]> modelB = new LinkedHashMap<>();
    private final List<String> plain = new ArrayList<>();
    private String source;
    private String replica;

    @AfterEach
    void stop() throws Exception {
        if (sites != null) {
            sites.close();
        }
    }

    private TestApi api(String side) {
        return sites.api(side);
    }

    @Test
    @DisplayName("SYNC-6 FO-6 INV-7 compaction: SIGKILL at random instants of throttled passes beside writes and syncs loses nothing acknowledged and leaks nothing")
    void killsDuringCompaction() throws Exception {
        sites = new LinkedDaemons(tmp, List.of("-Dopensra.compaction.batchBlocks=4"), List.of("--compaction-interval-s", "0"));
        for (int i = 0; i < 2; i++) {
            String v = api("A").createVolume("plain " + i, SIZE);
            plain.add(v);
            modelA.put(v, new byte[SIZE]);
        }
        source = api("A").createVolume("replicated", SIZE);
        modelA.put(source, new byte[SIZE]);
        api("A").post("/api/v1/replication/pairs", Map.of("volume", source, "peer", "array-b", "rpoSeconds", 0, "keep", 2)).ok();
        replica = api("A").get("/api/v1/volumes/" + source).ok().json().path("replication").path("peerVolumeId").asText();
        sync();

        int kills = 0;
        int midPass = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < 6; i++) {
                mutate();
            }
            if (round % 4 == 3) {
                quietPassesLeakNothing();
                continue;
            }
            String victim = rnd.nextInt(3) > 0 ? "A" : "B"; // A has more to move: host writes and snapshots

            if (!compactAndKill(victim)) {
                midPass++;
            }
            kills++;
            verify();
        }
        quietPassesLeakNothing();
        verify();
        assertThat(kills).isGreaterThanOrEqualTo(18);
        assertThat(midPass).as("kills that landed before the pass ended\n" + log).isGreaterThanOrEqualTo(kills / 3);
    }

    // ------------------------------------------------------------------ operations on the model

    private byte[] random(int len) {
        byte[] b = new byte[len];
        if (rnd.nextInt(6) > 0) {
            rnd.nextBytes(b);
        }
        return b;
    }

    private List<String> writable() {
        List<String> out = new ArrayList<>(plain);
        out.add(source);
        for (String id : modelA.keySet()) {
            if (id.contains(".vol.") && !out.contains(id)) {
                out.add(id); // clones
            }
        }
        return out;
    }

    private void write(String id) {
        int len = rnd.nextBoolean() ? BLOCK * (1 + rnd.nextInt(4)) : 1 + rnd.nextInt(3 * BLOCK);
        int off = rnd.nextBoolean() ? rnd.nextInt((SIZE - len) / BLOCK + 1) * BLOCK : rnd.nextInt(SIZE - len);
        byte[] b = random(len);
        log.append("write ").append(id).append(" @").append(off).append('+').append(len).append('\n');
        api("A").write(id, off, b);
        System.arraycopy(b, 0, modelA.get(id), off, len);
    }

    private void mutate() {
        int dice = rnd.nextInt(100);
        List<String> snaps = modelA.keySet().stream().filter(id -> id.contains(".snap.")).toList();
        List<String> clones = modelA.keySet().stream().filter(id -> id.contains(".vol.") && !plain.contains(id)
            && !id.equals(source)).toList();
        if (dice < 50) {
            List<String> w = writable();
            write(w.get(rnd.nextInt(w.size())));
        } else if (dice < 65 && snaps.size() < 6) {
            String v = plain.get(rnd.nextInt(plain.size()));
            String s = api("A").post("/api/v1/volumes/" + v + "/snapshots", Map.of("name", "s" + log.length())).ok().json()
                .path("id").asText();
            log.append("snapshot ").append(v).append(" -> ").append(s).append('\n');
            modelA.put(s, modelA.get(v).clone());
        } else if (dice < 75 && !snaps.isEmpty()) {
            String s = snaps.get(rnd.nextInt(snaps.size()));
            log.append("delete ").append(s).append('\n'); // its clones keep reading its blocks
            api("A").delete("/api/v1/snapshots/" + s).ok();
            modelA.remove(s);
        } else if (dice < 85 && !snaps.isEmpty() && clones.size() < 2) {
            String s = snaps.get(rnd.nextInt(snaps.size()));
            String c = api("A").post("/api/v1/clones", Map.of("source", s, "name", "c" + log.length())).ok().json().path("id")
                .asText();
            log.append("clone ").append(s).append(" -> ").append(c).append('\n');
            modelA.put(c, modelA.get(s).clone());
        } else if (dice < 92 && !clones.isEmpty()) {
            String c = clones.get(rnd.nextInt(clones.size()));
            log.append("delete clone ").append(c).append('\n');
            api("A").delete("/api/v1/clones/" + c).ok();
            modelA.remove(c);
        } else {
            sync();
        }
    }

    /** Syncs the pair until a job completes, then records the recovery points site B holds. */
    private void sync() {
        LinkedDaemons.until("sync", () -> {
            JsonNode item = api("A").batch("sync", List.of(source), List.of()).item(0);
            if (!item.path("ok").asBoolean()) {
                return item;
            }
            JsonNode job = api("A").awaitJob(item.path("jobId").asText());
            return Json.MAPPER.valueToTree(Map.of("ok", "complete".equals(job.path("state").asText()), "job", job));
        }, log);
        log.append("synced\n");
        byte[] image = modelA.get(source).clone();
        List<String> held = recoveryPoints();
        String newest = held.get(held.size() - 1);
        modelB.putIfAbsent(newest, image);
        modelB.keySet().retainAll(held); // older points rotate away (keep 2)
        assertThat(api("B").read(replica)).as("replica after sync\n" + log).isEqualTo(image);
    }

    private List<String> recoveryPoints() {
        List<String> out = new ArrayList<>();
        for (JsonNode rp : api("B").batch("recovery-points", List.of(replica), List.of()).item(0).path("recoveryPoints")) {
            out.add(rp.path("id").asText());
        }
        out.sort((x, y) -> Long.compare(seq(x), seq(y)));
        return out;
    }

    private static long seq(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('.') + 1));
    }

    // ------------------------------------------------------------------ compaction and kills

    /**
     * At victim: a throttled pass, writes beside it (at A) and a sync; SIGKILL after a random delay,
     * restart. Returns whether the pass had answered before the kill.
     */
    private boolean compactAndKill(String victim) throws Exception {
        double mbs = 0.25 * (1 << rnd.nextInt(4)); // 0.25 to 2 MB/s: a pass of a few MiB lasts seconds
        long delay = rnd.nextInt(1500);
        log.append("compact at ").append(victim).append(' ').append(mbs).append(" MB/s, kill after ").append(delay).append(" ms\n");
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        Thread pass = new Thread(() -> {
            try {
                answer.set(api(victim).post("/api/v1/array/compact", Map.of("mbPerSecond", mbs)).ok().json());
            } catch (Throwable ignored) {
                // killed under the call
            }
        });
        String target = plain.get(rnd.nextInt(plain.size()));
        byte[][] inDoubt = new byte[1][];
        int[] inDoubtOff = new int[1];
        boolean[] stop = new boolean[1];
        Random wr = new Random(rnd.nextLong());
        Thread writer = new Thread(() -> {
            while (!stop[0]) {
                int len = 1 + wr.nextInt(2 * BLOCK);
                int off = wr.nextInt(SIZE - len);
                byte[] b = new byte[len];
                wr.nextBytes(b);
                try {
                    api("A").write(target, off, b);
                } catch (Throwable e) {
                    inDoubt[0] = b;
                    inDoubtOff[0] = off;
                    return;
                }
                synchronized (modelA) {
                    System.arraycopy(b, 0, modelA.get(target), off, len);
                }
            }
        });
        Thread syncing = new Thread(() -> {
            try {
                api("A").batch("sync", List.of(source), List.of());
            } catch (Throwable ignored) {
                // the victim may be either side of the transfer
            }
        });
        pass.start();
        writer.start();
        syncing.start();
        Thread.sleep(delay);
        boolean answered = answer.get() != null;
        sites.kill(victim);
        stop[0] = true;
        writer.join(60_000);
        pass.join(60_000);
        syncing.join(60_000);
        sites.start(victim);
        byte[] now = api("A").read(target);
        synchronized (modelA) {
            LinkedDaemons.settle(now, modelA.get(target), inDoubt[0], inDoubtOff[0], log);
        }
        sync();
        return answered;
    }

    /** A pass at each side with nothing else running leaves no unreferenced byte behind. */
    private void quietPassesLeakNothing() {
        for (String side : List.of("A", "B")) {
            JsonNode pass = api(side).post("/api/v1/array/compact", Map.of()).ok().json();
            assertThat(pass.path("finished").asBoolean()).as("pass at " + side + ": " + pass + "\n" + log).isTrue();
            JsonNode space = api(side).get("/api/v1/array/space").ok().json();
            assertThat(space.path("reclaimableBytes").asLong()).as("leaked at " + side + ": " + space + "\n" + log).isZero();
            assertThat(space.path("dataFileBytes").asLong())
                .isEqualTo(space.path("liveBytes").asLong() + space.path("snapshotBytes").asLong());
            log.append("quiet pass at ").append(side).append(": ").append(pass).append('\n');
        }
        verify();
    }

    private void verify() {
        for (Map.Entry<String, byte[]> e : modelA.entrySet()) {
            assertThat(Arrays.equals(api("A").read(e.getKey()), e.getValue())).as(e.getKey() + " at A\n" + log).isTrue();
        }
        for (Map.Entry<String, byte[]> e : modelB.entrySet()) {
            assertThat(Arrays.equals(api("B").read(e.getKey()), e.getValue())).as(e.getKey() + " at B\n" + log).isTrue();
        }
    }

}
