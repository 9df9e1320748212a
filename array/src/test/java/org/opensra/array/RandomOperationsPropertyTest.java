package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for any sequence of writes, snapshots, clones, syncs, demote, promote (planned or with
 * the source gone), reverse and restore over two daemons, every snapshot, recovery point, clone and
 * promoted volume reads back byte-equal to the image the model says it froze. Each seed is one
 * generated sequence (reproducible: the seed and the operation log are in the failure message).
 */
class RandomOperationsPropertyTest {
    private static final int SIZE = 512 * 1024;
    private static final int OPS = 30;

    static Path dir;
    static TwoArrays arrays;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("prop");
        arrays = new TwoArrays(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        arrays.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One replicated volume as the model sees it. */
    static final class Member {
        String idA;
        String idB;
        byte[] a;
        byte[] b;
        byte[] lastCommon;
    }

    /** A standalone pair or a consistency group. */
    static final class Unit {
        final List<Member> members = new ArrayList<>();
        String groupId;
        String source = "A";
        String promoted;
        boolean demoted;

        String other(String side) {
            return "A".equals(side) ? "B" : "A";
        }
    }

    private final Map<String, byte[]> frozen = new LinkedHashMap<>();
    private final Map<String, byte[]> clones = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private Random rnd;

    private static TestApi api(String side) {
        return "A".equals(side) ? arrays.apiA() : arrays.apiB();
    }

    private static String id(Member m, String side) {
        return "A".equals(side) ? m.idA : m.idB;
    }

    private static byte[] content(Member m, String side) {
        return "A".equals(side) ? m.a : m.b;
    }

    private static void set(Member m, String side, byte[] c) {
        if ("A".equals(side)) {
            m.a = c;
        } else {
            m.b = c;
        }
    }

    private Map<String, Object> item(Unit u) {
        return u.groupId != null ? Map.of("groups", List.of(u.groupId)) : Map.of("volumes", List.of(u.members.get(0).idA));
    }

    private JsonNode op(String side, String op, Unit u) {
        JsonNode r = api(side).post("/api/v1/replication/" + op, item(u)).ok().item(0);
        assertThat(r.path("ok").asBoolean()).as(op + " at " + side + ": " + r + "\n" + log).isTrue();
        return r;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    @DisplayName("DD-8 FO-6 REV-4 RES-1 SYNC-6 random operation sequences keep every point-in-time image byte-equal")
    void randomSequences(long seed) {
        rnd = new Random(seed);
        TestApi a = arrays.apiA();
        Unit single = new Unit();
        Unit group = new Unit();
        String tag = "s" + seed + " ";
        single.members.add(newMember(a, tag + "solo"));
        a.post("/api/v1/replication/pairs", Map.of("volume", single.members.get(0).idA, "peer", "array-b", "rpoSeconds", 0,
            "keep", 3)).ok();
        for (int i = 0; i < 2; i++) {
            group.members.add(newMember(a, tag + "cg " + i));
        }
        group.groupId = a.post("/api/v1/replication/groups", Map.of("name", tag + "cg", "peer", "array-b", "rpoSeconds", 0,
            "keep", 3, "volumes", group.members.stream().map(m -> m.idA).toList())).ok().json().path("id").asText();
        for (Unit u : List.of(single, group)) {
            for (Member m : u.members) {
                m.idB = a.get("/api/v1/volumes/" + m.idA).ok().json().path("replication").path("peerVolumeId").asText();
                m.b = new byte[SIZE];
            }
            sync(u);
        }
        for (int i = 0; i < OPS; i++) {
            Unit u = rnd.nextBoolean() ? single : group;
            step(u);
            check(single, false);
            check(group, false);
        }
        check(single, true);
        check(group, true);
    }

    private Member newMember(TestApi a, String name) {
        Member m = new Member();
        m.idA = a.createVolume(name, SIZE);
        m.a = new byte[SIZE];
        return m;
    }

    private void step(Unit u) {
        int dice = rnd.nextInt(100);
        if (u.promoted == null) {
            if (dice < 35) {
                write(u, u.source);
            } else if (dice < 55) {
                sync(u);
            } else if (dice < 65) {
                snapshot(u, u.source);
            } else if (dice < 72) {
                cloneSomething(u);
            } else if (dice < 86) {
                plannedFailover(u);
            } else {
                disasterFailover(u);
            }
        } else {
            if (dice < 40) {
                write(u, u.promoted);
            } else if (dice < 50) {
                snapshot(u, u.promoted);
            } else if (dice < 75) {
                reverse(u);
            } else {
                restore(u);
            }
        }
    }

    private void write(Unit u, String side) {
        Member m = u.members.get(rnd.nextInt(u.members.size()));
        int len = 1 + rnd.nextInt(150 * 1024);
        len = Math.min(len, SIZE / 2);
        int off = rnd.nextInt(SIZE - len);
        byte[] data = new byte[len];
        if (rnd.nextInt(5) > 0) {
            rnd.nextBytes(data);
        }
        log.add("write " + id(m, side) + " @" + off + "+" + len);
        api(side).write(id(m, side), off, data);
        byte[] c = content(m, side).clone();
        System.arraycopy(data, 0, c, off, len);
        set(m, side, c);
    }

    private void sync(Unit u) {
        log.add("sync " + (u.groupId != null ? u.groupId : u.members.get(0).idA) + " from " + u.source);
        String at = rnd.nextBoolean() ? "A" : "B";
        JsonNode r = op(at, "sync", u);
        JsonNode job = api(at).awaitJob(r.path("jobId").asText());
        assertThat(job.path("state").asText()).as(job + "\n" + log).isEqualTo("complete");
        String target = u.other(u.source);
        for (Member m : u.members) {
            set(m, target, content(m, u.source).clone());
            m.lastCommon = content(m, u.source).clone();
            JsonNode rp = api(target).post("/api/v1/replication/recovery-points", Map.of("volumes", List.of(id(m, target))))
                .ok().item(0).path("recoveryPoints").path(0);
            frozen.put(rp.path("id").asText(), m.lastCommon);
        }
    }

    private void snapshot(Unit u, String side) {
        Member m = u.members.get(rnd.nextInt(u.members.size()));
        JsonNode s = api(side).post("/api/v1/volumes/" + id(m, side) + "/snapshots", Map.of("name", "snap " + log.size()))
            .ok().json();
        log.add("snapshot " + id(m, side) + " -> " + s.path("id").asText());
        frozen.put(s.path("id").asText(), content(m, side).clone());
    }

    private void cloneSomething(Unit u) {
        if (frozen.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(frozen.keySet());
        String src = ids.get(rnd.nextInt(ids.size()));
        String side = src.startsWith("array-a.") ? "A" : "B";
        TestApi api = api(side);
        TestApi.Resp r = api.post("/api/v1/clones", Map.of("source", src, "name", "clone " + log.size()));
        if (r.status() == 404) {
            return; // a recovery point already pruned
        }
        String clone = r.ok().json().path("id").asText();
        log.add("clone " + src + " -> " + clone);
        byte[] c = frozen.get(src).clone();
        byte[] patch = new byte[100];
        rnd.nextBytes(patch);
        api.write(clone, 5000, patch);
        System.arraycopy(patch, 0, c, 5000, patch.length);
        clones.put(clone, c);
    }

    private void plannedFailover(Unit u) {
        String src = u.source;
        String tgt = u.other(src);
        log.add("planned failover " + src + " -> " + tgt);
        JsonNode d = op(src, "demote", u);
        for (JsonNode s : d.path("snapshots")) {
            Member m = memberByVolume(u, s.path("volumeId").asText());
            frozen.put(s.path("id").asText(), content(m, src).clone());
        }
        sync(u);
        promote(u, tgt);
        u.demoted = true;
    }

    private void disasterFailover(Unit u) {
        String tgt = u.other(u.source);
        log.add("disaster failover to " + tgt);
        promote(u, tgt);
        u.demoted = false;
        if (rnd.nextBoolean()) {
            op(u.source, "demote", u);
            u.demoted = true;
        }
    }

    private void promote(Unit u, String side) {
        JsonNode p = op(side, "promote", u);
        for (JsonNode s : p.path("snapshots")) {
            Member m = memberByVolume(u, s.path("volumeId").asText());
            frozen.put(s.path("id").asText(), content(m, side).clone());
        }
        for (Member m : u.members) {
            assertThat(Arrays.equals(api(side).read(id(m, side)), m.lastCommon)).as("promoted = last recovery point\n" + log).isTrue();
        }
        u.promoted = side;
    }

    private void reverse(Unit u) {
        String at = rnd.nextBoolean() ? "A" : "B";
        log.add("reverse at " + at + " (promoted " + u.promoted + ")");
        assertThat(op(at, "reverse", u).path("noop").asBoolean()).isFalse();
        String old = u.other(u.promoted);
        for (Member m : u.members) {
            set(m, old, m.lastCommon.clone());
        }
        u.source = u.promoted;
        u.promoted = null;
        if (rnd.nextBoolean()) {
            sync(u);
        }
    }

    private void restore(Unit u) {
        String at = rnd.nextBoolean() ? "A" : "B";
        log.add("restore at " + at + " (promoted " + u.promoted + ")");
        assertThat(op(at, "restore", u).path("noop").asBoolean()).isFalse();
        for (Member m : u.members) {
            set(m, u.promoted, m.lastCommon.clone());
        }
        u.promoted = null;
    }

    private static Member memberByVolume(Unit u, String volumeId) {
        return u.members.stream().filter(m -> volumeId.equals(m.idA) || volumeId.equals(m.idB)).findFirst().orElseThrow();
    }

    private void check(Unit u, boolean everything) {
        for (Member m : u.members) {
            for (String side : List.of("A", "B")) {
                assertThat(Arrays.equals(api(side).read(id(m, side)), content(m, side)))
                    .as("volume " + id(m, side) + " at " + side + "\n" + String.join("\n", log)).isTrue();
            }
        }
        List<Map.Entry<String, byte[]>> points = new ArrayList<>(frozen.entrySet());
        if (!everything && points.size() > 2) {
            java.util.Collections.shuffle(points, rnd);
            points = points.subList(0, 2);
        }
        for (Map.Entry<String, byte[]> e : points) {
            TestApi api = api(e.getKey().startsWith("array-a.") ? "A" : "B");
            TestApi.Resp r = api.get("/api/v1/volumes/" + e.getKey() + "/data");
            if (r.status() == 404) {
                continue; // pruned recovery point or released pre-failover snapshot
            }
            assertThat(Arrays.equals(r.ok().raw(), e.getValue())).as("point " + e.getKey() + "\n" + String.join("\n", log)).isTrue();
        }
        for (Map.Entry<String, byte[]> e : everything ? clones.entrySet() : Map.<String, byte[]>of().entrySet()) {
            TestApi api = api(e.getKey().startsWith("array-a.") ? "A" : "B");
            assertThat(Arrays.equals(api.read(e.getKey()), e.getValue())).as("clone " + e.getKey() + "\n" + String.join("\n", log)).isTrue();
        }
    }
}
