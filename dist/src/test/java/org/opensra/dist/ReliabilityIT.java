package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.params.DeviceAccess;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.w3c.dom.Element;

/**
 * Kill-and-converge (issue 18): the real command.pl against two real daemons, SIGKILLed at random instants
 * of every mutating command along the path SRM takes, each followed by SRM's next step: the same command
 * again (PF-2 FO-3 REV-5 RES-4 SYNC-2 TF-7 are idempotent), for testFailoverStart a start again (1011
 * exactly for the items whose copy exists, TF-6) then Cleanup (testFailoverStop) and a new start that
 * succeeds for every item; and SIGKILLs of a site's daemon in the middle of SRA commands followed by a
 * restart and the same step. Every case must converge: the step succeeds for every item, the arrays'
 * state equals an uninterrupted run's at the same point (roles, access, mappings, host groups, no test
 * clone or clone-base snapshot left), the bytes read back equal what was written, and no SRA process
 * outlives its kill (INV-7: the SRA holds no state outside the array).
 *
 * <p>Kill instants are uniform over the command's uninterrupted duration (measured first, per command),
 * a fifth of them late in it (after the arrays changed) and some at the moment the log shows the
 * array change (before OutputFile is written). The seed is printed; {@code -Dreliability.seed=N} repeats
 * a run, {@code -Dreliability.sraKills} and {@code -Dreliability.daemonKills} set the counts. Figures go
 * to {@code target/reliability/figures.txt} for {@code bench/reliability}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {
    private static final long OFFSET = 1L << 20;
    private static final int DATA = 16 * 1024;
    private static final String FC_INITIATOR = "21:00:00:24:ff:4c:00:09";
    private static final long GRACE_MILLIS = 5_000;

    private final long seed = Long.getLong("reliability.seed", System.nanoTime() % 1_000_000_007L);
    private final int sraKillTarget = Integer.getInteger("reliability.sraKills", 100);
    private final int daemonKillTarget = Integer.getInteger("reliability.daemonKills", 20);
    private final Random random = new Random(seed);

    private Path work;
    private Lab lab;
    private Sra sra;
    private KillableSra killable;
    private String sraFolder;
    private final Map<String, ArrayApi> apis = new LinkedHashMap<>();

    /** Who replicates to whom now, and the ids at each end (one device and one 3-device group). */
    private record Direction(Lab.Site p, Lab.Site r, String device, String group, String groupMember,
                             String deviceKey, String groupKey, List<String> groupKeys) {
    }

    private Direction dir;
    private byte[] written;

    // reference (uninterrupted) run: durations and state per step
    private final Map<String, Long> durations = new LinkedHashMap<>();
    private final Map<String, String> reference = new LinkedHashMap<>();
    private boolean referenceRun;

    // figures
    private int sraKills;
    private int daemonKills;
    private int converged;
    private int orphanProcesses;
    private int lostWrites;
    private final List<String> report = new ArrayList<>();

    // the case now running (for failure reports)
    private String currentCase = "";
    private String cycleName = "";

    @BeforeAll
    void up() throws IOException {
        assertThat(Path.of("/proc")).as("survivors are found by a scan of /proc (Linux)").isDirectory();
        Path target = Path.of(System.getProperty("opensra.home", "target/opensra")).getParent();
        work = Files.createTempDirectory(target == null ? Path.of(".") : target, "reliability-");
        lab = Lab.up(work.resolve("lab"));
        Path sraHome = Lab.home().resolve("sra");
        sra = new Sra(sraHome, work.resolve("runs"));
        killable = new KillableSra(sraHome, work.resolve("runs"));
        sraFolder = sraHome.toString() + "/";
        apis.put("A", new ArrayApi(lab.a()));
        apis.put("B", new ArrayApi(lab.b()));
        System.out.println("ReliabilityIT seed " + seed + " (repeat with -Dreliability.seed=" + seed + ")");
        dir = discover(lab.a(), lab.b(), "vm-ds-01", "cg-a");
        // warm: the first command.pl run makes the startup archive (a kill then could leave Java running
        // until command.pl execs Java for that run too); never killed here
        sra.run("discoverArrays", new org.opensra.protocol.params.DiscoverArraysParameters(), Sra.connection(dir.p()));
    }

    @AfterAll
    void down() throws IOException {
        writeFigures();
        if (lab != null) {
            lab.close();
        }
        if (work != null && Boolean.parseBoolean(System.getProperty("reliability.clean", "true"))) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    @Order(1)
    @DisplayName("TF-6 TF-7 PF-2 FO-3 REV-5 RES-4 SYNC-2 INV-7 SIGKILL of command.pl at random instants of every mutating command converges with SRM's next step")
    void sraKills() {
        // the reference: twice round (the first failovers present volumes and add host groups for good, so
        // states are compared with the second round's, the steady state every later cycle starts from)
        referenceRun = true;
        for (int round = 0; round < 2; round++) {
            testAndRestoreCycle(null);
            migrateAndReverseCycle(null);
            migrateAndReverseCycle(null);
        }
        referenceRun = false;
        System.out.println("uninterrupted durations (ms): " + durations);
        // the same order of cycles as the reference (test+restore, then there and back), so that each step
        // starts from the state the reference's did
        int cycle = 0;
        while (sraKills < sraKillTarget && report.isEmpty()) {
            if (cycle % 2 == 1) {
                migrateAndReverseCycle(null);
                migrateAndReverseCycle(null);
            } else {
                testAndRestoreCycle(null);
            }
            cycle++;
        }
        if (cycle % 2 == 1 && report.isEmpty()) {
            migrateAndReverseCycle(null);
            migrateAndReverseCycle(null);
        }
        assertThat(report).as("seed %d: cases that did not converge", seed).isEmpty();
        assertThat(converged).isEqualTo(sraKills);
        assertThat(orphanProcesses).isZero();
        assertThat(lostWrites).isZero();
    }

    @Test
    @Order(2)
    @DisplayName("TF-7 FO-3 PF-2 RES-4 SYNC-2 INV-7 SIGKILL of a site's array daemon in the middle of SRA commands, restart, same step again: converges")
    void daemonKillsMidCommand() {
        assertThat(durations).as("the SRA-kill test measured the commands first").isNotEmpty();
        int cycle = 0;
        int before = converged;
        assertThat(report).as("seed %d: the SRA-kill test converged first", seed).isEmpty();
        while (daemonKills < daemonKillTarget && report.isEmpty()) {
            if (cycle % 2 == 1) {
                migrateAndReverseCycle("daemon");
                migrateAndReverseCycle("daemon");
            } else {
                testAndRestoreCycle("daemon");
            }
            cycle++;
        }
        assertThat(report).as("seed %d: cases that did not converge", seed).isEmpty();
        assertThat(converged - before).isEqualTo(daemonKills);
        assertThat(orphanProcesses).isZero();
        assertThat(lostWrites).isZero();
    }

    @Test
    @Order(3)
    @DisplayName("SEC-1 after the whole suite no password appears in any log, response, status or other file the SRA and "
            + "the arrays wrote")
    void noSecretInAnyFileWritten() throws IOException {
        List<String> secrets = List.of(lab.a().password(), lab.b().password());
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                // request.xml: the request handed to the SRA holds the credentials by design (SRM's side);
                // password: the lab's owner-only credential file, the test harness's own
                if (name.equals("request.xml") || name.equals("password") || Files.size(f) > (256L << 20)) {
                    continue;
                }
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                scanned++;
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        found.add(work.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(scanned).as("files written by the suite").isGreaterThan(100);
        assertThat(found).as("files holding a password").isEmpty();
    }

    /** The emulator's survivor scan (this JVM and its ancestors excluded), SIGKILLing what is left after the grace. */
    private static List<Long> survivors(String text, long graceMillis) {
        try {
            return org.opensra.emulator.chaos.Survivors.after(text, graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ cycles (SRM's workflows)

    /** Sync, test failover start and stop, planned migration (prepare, sync, failover) and restore. */
    private void testAndRestoreCycle(String daemonMode) {
        cycleName = "test+restore";
        writeNewData();
        Direction d = dir;
        step(daemonMode, "syncOnce", d.p(), syncParams(d), () -> {
            Xml again = ok("syncOnce", syncParams(d), d.p(), "SYNC-2 syncOnce again");
            awaitJobs(d.p(), again);
            checkReplicaData(d, "after syncOnce");
        });
        step(daemonMode, "testFailoverStart", d.r(), startParams(d), () -> restartTest(d));
        step(daemonMode, "testFailoverStop", d.r(), stopParams(d), () -> {
            ok("testFailoverStop", stopParams(d), d.r(), "TF-7 testFailoverStop again");
            assertNoTestLeftovers();
        });
        writeNewData();
        step(daemonMode, "prepareFailover", d.p(), prepareParams(d), () -> {
            ok("prepareFailover", prepareParams(d), d.p(), "PF-2 prepareFailover again");
            syncAndWait(d);
        });
        step(daemonMode, "failover", d.r(), failoverParams(d), () -> {
            Xml again = ok("failover", failoverParams(d), d.r(), "FO-3 failover again");
            String promoted = again.get("TargetDevice", "key", d.deviceKey()).getAttribute("id");
            checkBytes(d.r(), promoted, "FO-3 promoted device after failover");
        });
        step(daemonMode, "restoreReplication", d.p(), restoreParams(d), () -> {
            ok("restoreReplication", restoreParams(d), d.p(), "RES-4 restoreReplication again");
            syncAndWait(d);
            checkReplicaData(d, "after restoreReplication");
        });
    }

    /** Planned migration then reverse: the roles swap (run twice to come back). */
    private void migrateAndReverseCycle(String daemonMode) {
        cycleName = "migrate+reverse";
        writeNewData();
        Direction d = dir;
        step(daemonMode, "prepareFailover", d.p(), prepareParams(d), () -> {
            ok("prepareFailover", prepareParams(d), d.p(), "PF-2 prepareFailover again");
            syncAndWait(d);
        });
        String[] promoted = new String[2];
        step(daemonMode, "failover", d.r(), failoverParams(d), () -> {
            Xml again = ok("failover", failoverParams(d), d.r(), "FO-3 failover again");
            promoted[0] = again.get("TargetDevice", "key", d.deviceKey()).getAttribute("id");
            String groupId = again.get("TargetGroup", "key", d.groupKey()).getAttribute("id");
            promoted[1] = groupId.isEmpty() ? d.groupKey() : groupId;
            checkBytes(d.r(), promoted[0], "FO-3 promoted device after failover");
        });
        if (promoted[0] == null) {
            return; // the case failed; reported
        }
        ReverseReplicationParameters reverse = new ReverseReplicationParameters(d.r().arrayId(), d.p().arrayId(),
                List.of(SettingsItem.of(promoted[1])), List.of(SettingsItem.of(promoted[0])));
        step(daemonMode, "reverseReplication", d.r(), reverse, () -> {
            ok("reverseReplication", reverse, d.r(), "REV-5 reverseReplication again");
        });
        if (!report.isEmpty()) {
            return;
        }
        Direction next = discover(d.r(), d.p(), promoted[0], promoted[1]);
        dir = next;
        syncAndWait(next);
        checkReplicaData(next, "after reverseReplication");
    }

    // ------------------------------------------------------------------ one case

    /**
     * Runs one mutating command. In the reference run: uninterrupted (duration and state recorded). Else
     * killed (SRA, or the daemon of a site when {@code daemonMode} is set) at a random instant, then SRM's
     * next step ({@code next}), then the checks. A case that does not converge is reported with the seed.
     */
    private void step(String daemonMode, String command, Lab.Site site, CommandParameters params, Runnable next) {
        String key = cycleName + " " + command + "@" + (site == lab.a() ? "A" : "B") + (dir.p() == lab.a() ? "" : "'");
        if (!report.isEmpty()) {
            return;
        }
        if (referenceRun) {
            currentCase = "reference " + key;
            KillableSra.Outcome o = killable.run(command, params, List.of(Sra.connection(site)),
                    KillableSra.Instant.after(Long.MAX_VALUE / 4_000_000L));
            assertThat(o.responseWritten()).as("%s: uninterrupted run wrote no response\n%s", key, o.stdout()).isTrue();
            durations.merge(command, o.ranMillis(), Math::max);
            next.run();
            reference.put(key, fingerprint());
            return;
        }
        long d = durations.getOrDefault(command, 3000L);
        try {
            if (daemonMode == null) {
                KillableSra.Instant at = instant(command, d);
                currentCase = "seed " + seed + " case " + (sraKills + daemonKills + 1) + ": SIGKILL of command.pl in "
                        + command + " at " + key + " at " + at + " (uninterrupted " + d + " ms)";
                KillableSra.Outcome o = killable.run(command, params, List.of(Sra.connection(site)), at);
                if (!o.killed()) {
                    currentCase += " [finished before the kill]";
                }
                List<Long> left = survivors(sraFolder, GRACE_MILLIS);
                if (!left.isEmpty()) {
                    orphanProcesses += left.size();
                    throw new AssertionError("processes of the SRA folder outlived the kill: " + left);
                }
                next.run();
                checkState(key);
                if (o.killed()) {
                    sraKills++;
                    converged++;
                }
            } else {
                Lab.Site victim = random.nextBoolean() ? site : (site == lab.a() ? lab.b() : lab.a());
                long at = (long) (d * (0.2 + 0.8 * random.nextDouble()));
                currentCase = "seed " + seed + " case " + (sraKills + daemonKills + 1) + ": SIGKILL of site "
                        + victim.name() + "'s daemon during " + command + " at " + key + " at " + at + " ms (uninterrupted "
                        + d + " ms)";
                boolean killed = killDaemonDuring(command, site, params, victim, at);
                next.run();
                checkState(key);
                if (killed) {
                    daemonKills++;
                    converged++;
                }
            }
        } catch (AssertionError | RuntimeException e) {
            report.add(currentCase + ": did not converge: " + e.getMessage());
            System.out.println("NOT CONVERGED " + currentCase + "\n" + e.getMessage());
            throw new AssertionError(currentCase + ": did not converge: " + e.getMessage(), e);
        }
    }

    private KillableSra.Instant instant(String command, long d) {
        int mode = random.nextInt(10);
        if (mode < 7) {
            return KillableSra.Instant.after((long) (random.nextDouble() * d));
        }
        if (mode < 9) {
            return KillableSra.Instant.after((long) (d * (0.8 + 0.2 * random.nextDouble())));
        }
        return KillableSra.Instant.onMarker(marker(command), d);
    }

    /** The log line that shows the arrays changed (OutputFile not yet written). */
    private static String marker(String command) {
        return switch (command) {
            case "testFailoverStart" -> "has been created and presented";
            case "testFailoverStop" -> "has been removed from service";
            case "failover" -> "Promotion is now complete";
            case "prepareFailover" -> "Demotion of source";
            case "syncOnce" -> "has been started";
            default -> "for " + command + " request";
        };
    }

    /** The SRA runs the command while the victim's daemon is SIGKILLed; the daemon is restarted after it. */
    private boolean killDaemonDuring(String command, Lab.Site site, CommandParameters params, Lab.Site victim, long at) {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<KillableSra.Outcome> run = pool.submit(() -> killable.run(command, params,
                    List.of(Sra.connection(site)), KillableSra.Instant.after(600_000)));
            pause(at);
            boolean killed = false;
            if (!run.isDone()) {
                long pid = daemonPid(victim);
                ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no daemon " + pid));
                daemon.destroyForcibly();
                killed = true;
                daemon.onExit().get(30, TimeUnit.SECONDS);
            }
            KillableSra.Outcome o = run.get(400, TimeUnit.SECONDS);
            assertThat(o.killed()).as("the SRA answered by itself after its array daemon died").isFalse();
            List<Long> left = survivors(sraFolder, GRACE_MILLIS);
            if (!left.isEmpty()) {
                orphanProcesses += left.size();
                throw new AssertionError("SRA processes outlived the command: " + left);
            }
            if (killed) {
                List<Long> daemons = survivors("--data " + work.resolve("lab").resolve(victim.name()), 2000);
                if (!daemons.isEmpty()) {
                    orphanProcesses += daemons.size();
                    throw new AssertionError("the killed daemon's processes outlived its kill: " + daemons);
                }
                lab.startSite(victim);
                assertThat(apis.get(victim.name()).answers()).as("restarted daemon answers").isTrue();
            }
            return killed;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the SRA command did not end after the daemon kill: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private long daemonPid(Lab.Site site) {
        try {
            return Long.parseLong(Files.readString(work.resolve("lab").resolve(site.name()).resolve("daemon.pid")).strip());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ SRM's next steps and checks

    /**
     * After a (killed) testFailoverStart: a start again answers 1011 exactly for the items whose copy exists
     * and succeeds for the rest (TF-6); Cleanup (testFailoverStop) removes every copy, snapshot and mapping
     * (TF-7); a new start succeeds for every item and its copies hold the replica's bytes.
     */
    private void restartTest(Direction d) {
        Map<String, Boolean> hadCopy = new LinkedHashMap<>();
        List<String> clonesOf = clonedReplicas(d.r());
        hadCopy.put(d.deviceKey(), clonesOf.contains(d.deviceKey()));
        hadCopy.put(d.groupKey(), d.groupKeys().stream().anyMatch(clonesOf::contains));
        Xml again = sra.run("testFailoverStart", startParams(d), Sra.connection(d.r())).ok();
        for (Map.Entry<String, Boolean> item : hadCopy.entrySet()) {
            Element e = item.getKey().equals(d.groupKey()) ? again.get("TargetGroup", "key", item.getKey())
                    : again.get("TargetDevice", "key", item.getKey());
            Optional<String> code = Xml.errorCode(e);
            if (item.getValue()) {
                assertThat(code).as("TF-6 start again on %s whose copy exists\n%s", item.getKey(), again).contains("1011");
            } else {
                assertThat(code).as("TF-6 start again on %s without a copy\n%s", item.getKey(), again).isEmpty();
            }
        }
        ok("testFailoverStop", stopParams(d), d.r(), "TF-7 Cleanup after the killed start");
        assertNoTestLeftovers();
        Xml started = ok("testFailoverStart", startParams(d), d.r(), "TF-2 new start after Cleanup");
        Element device = started.get("TargetDevice", "key", d.deviceKey());
        Element snapshot = Xml.child(device, "Snapshot").orElseThrow(() -> new AssertionError("no Snapshot in\n" + started));
        checkBytes(d.r(), snapshot.getAttribute("id"), "TF-2 test copy of " + d.deviceKey());
        Element group = started.get("TargetGroup", "key", d.groupKey());
        for (Element member : Xml.all(group, "TargetDevice")) {
            if (member.getAttribute("key").equals(d.groupKeys().get(0))) {
                Element copy = Xml.all(member, "Snapshot").get(0);
                checkBytes(d.r(), copy.getAttribute("id"), "TF-2 test copy of group member " + member.getAttribute("key"));
            }
        }
    }

    private List<String> clonedReplicas(Lab.Site site) {
        List<String> out = new ArrayList<>();
        for (var v : apis.get(site.name()).get("/api/v1/volumes").objects("volumes")) {
            if ("clone".equals(v.optString("role").orElse(""))) {
                out.add(v.object("cloneOf").string("volumeId"));
            }
        }
        return out;
    }

    /** Runs a command uninterrupted; every item must succeed (warnings allowed). */
    private Xml ok(String command, CommandParameters params, Lab.Site site, String what) {
        Sra.Run run = sra.run(command, params, Sra.connection(site));
        Xml xml = run.ok();
        assertThat(xml.all("Error")).as("%s: every item succeeds\n%s", what, xml).isEmpty();
        return xml;
    }

    private void checkState(String key) {
        String now = fingerprint();
        String expected = reference.get(key);
        if (expected != null) {
            assertThat(now).as("state after %s equals the uninterrupted run's", key).isEqualTo(expected);
        }
    }

    private String fingerprint() {
        return "site A\n" + apis.get("A").fingerprint() + "site B\n" + apis.get("B").fingerprint();
    }

    private void assertNoTestLeftovers() {
        List<String> left = new ArrayList<>(apis.get("A").testLeftovers());
        left.addAll(apis.get("B").testLeftovers());
        assertThat(left).as("TF-7 no test copy, snapshot or mapping left behind").isEmpty();
    }

    private void writeNewData() {
        written = new byte[DATA];
        random.nextBytes(written);
        apis.get(dir.p().name()).write(dir.device(), OFFSET, written);
        apis.get(dir.p().name()).write(dir.groupMember(), OFFSET, written);
    }

    private void checkReplicaData(Direction d, String when) {
        checkBytes(d.r(), d.deviceKey(), "replica of " + d.device() + " " + when);
        checkBytes(d.r(), d.groupKeys().get(0), "replica of group member " + d.groupMember() + " " + when);
    }

    private void checkBytes(Lab.Site site, String volume, String what) {
        byte[] read = apis.get(site.name()).read(volume, OFFSET, DATA);
        if (!Arrays.equals(read, written)) {
            lostWrites++;
            throw new AssertionError("lost writes: " + what + " (" + volume + " at site " + site.name()
                    + ") does not hold the bytes written");
        }
    }

    /** syncOnce (uninterrupted) and wait for its jobs. */
    private void syncAndWait(Direction d) {
        awaitJobs(d.p(), ok("syncOnce", syncParams(d), d.p(), "syncOnce"));
    }

    private void awaitJobs(Lab.Site site, Xml started) {
        List<String> jobs = new ArrayList<>();
        for (Element sync : started.all("DeviceSync")) {
            jobs.add(sync.getAttribute("id"));
        }
        assertThat(jobs).as("DeviceSync per item\n%s", started).isNotEmpty();
        long deadline = System.currentTimeMillis() + 180_000;
        for (String job : jobs) {
            while (true) {
                String state = apis.get(site.name()).job(job).string("state");
                if ("complete".equals(state)) {
                    break;
                }
                assertThat(state).as("sync job %s", job).isNotEqualTo("failed");
                assertThat(System.currentTimeMillis()).as("sync job %s did not complete in time", job).isLessThan(deadline);
                pause(100);
            }
        }
    }

    // ------------------------------------------------------------------ discovery and parameters

    /** The device and the group (by name or id) at the protected site p, with their keys at r. */
    private Direction discover(Lab.Site p, Lab.Site r, String wantedDevice, String wantedGroup) {
        String deviceName = wantedDevice;
        String deviceId = wantedDevice;
        String groupName = wantedGroup;
        Xml at = sra.run("discoverDevices", new DiscoverDevicesParameters(p.arrayId(), r.arrayId()), Sra.connection(p)).ok();
        Element device = null;
        for (Element e : at.all("SourceDevice")) {
            if (deviceId.equals(e.getAttribute("id")) || deviceName.equals(Xml.childText(e, "Name").orElse(""))) {
                device = e;
                break;
            }
        }
        assertThat(device).as("device %s at %s\n%s", wantedDevice, p.name(), at).isNotNull();
        Element group = at.all("ConsistencyGroup").stream()
                .filter(g -> g.getAttribute("id").equals(groupName) || Xml.childText(g, "Name").orElse("").equals(groupName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("group " + groupName + " at " + p.name() + "\n" + at));
        List<Element> members = Xml.all(group, "SourceDevice");
        Element tg = Xml.child(group, "TargetGroup").orElseThrow();
        Xml atR = sra.run("discoverDevices", new DiscoverDevicesParameters(r.arrayId(), p.arrayId()), Sra.connection(r)).ok();
        List<String> keys = Xml.all(atR.get("TargetGroup", "key", tg.getAttribute("key")), "TargetDevice").stream()
                .map(e -> e.getAttribute("key")).toList();
        String memberKey = Xml.child(members.get(0), "TargetDevice").orElseThrow().getAttribute("key");
        List<String> ordered = new ArrayList<>(List.of(memberKey));
        keys.stream().filter(k -> !k.equals(memberKey)).forEach(ordered::add);
        return new Direction(p, r, device.getAttribute("id"), group.getAttribute("id"), members.get(0).getAttribute("id"),
                Xml.child(device, "TargetDevice").orElseThrow().getAttribute("key"), tg.getAttribute("key"), ordered);
    }

    private static AccessGroup accessGroup() {
        return new AccessGroup("esx-test", List.of(Initiator.of(PortType.FC, FC_INITIATOR)));
    }

    private static SyncOnceParameters syncParams(Direction d) {
        return new SyncOnceParameters(d.p().arrayId(), d.r().arrayId(), List.of(d.group()), List.of(d.device()),
                List.of(), List.of());
    }

    private static TargetGroupRequest groupRequest(Direction d) {
        return new TargetGroupRequest(d.groupKey(), Optional.empty(),
                d.groupKeys().stream().map(k -> new DeviceAccess(k, List.of("esx-test"))).toList());
    }

    private static TestFailoverStartParameters startParams(Direction d) {
        return new TestFailoverStartParameters(d.r().arrayId(), List.of(accessGroup()), List.of(groupRequest(d)),
                List.of(new TargetDeviceRequest(d.deviceKey(), List.of("esx-test"), Optional.empty())));
    }

    private static TestFailoverStopParameters stopParams(Direction d) {
        return new TestFailoverStopParameters(d.r().arrayId(), List.of(d.groupKey()), List.of(d.deviceKey()));
    }

    private static PrepareFailoverParameters prepareParams(Direction d) {
        return new PrepareFailoverParameters(d.p().arrayId(), List.of(d.group()), List.of(d.device()));
    }

    private static FailoverParameters failoverParams(Direction d) {
        return new FailoverParameters(d.r().arrayId(), List.of(accessGroup()), List.of(groupRequest(d)),
                List.of(new TargetDeviceRequest(d.deviceKey(), List.of("esx-test"), Optional.empty())));
    }

    private static RestoreReplicationParameters restoreParams(Direction d) {
        return new RestoreReplicationParameters(d.p().arrayId(), d.r().arrayId(), List.of(SettingsItem.of(d.group())),
                List.of(SettingsItem.of(d.device())));
    }

    // ------------------------------------------------------------------ figures

    private void writeFigures() {
        try {
            Path out = Path.of(System.getProperty("opensra.home", "target/opensra")).getParent().resolve("reliability");
            Files.createDirectories(out);
            String text = "seed: " + seed + "\nkills: " + (sraKills + daemonKills) + "\nsra_kills: " + sraKills
                    + "\ndaemon_kills: " + daemonKills + "\nconverged: " + converged + "\norphan_processes: "
                    + orphanProcesses + "\nlost_writes: " + lostWrites + "\nnot_converged: " + report.size() + "\n"
                    + (report.isEmpty() ? "" : "failures:\n" + String.join("\n", report) + "\n");
            Files.writeString(out.resolve("figures.txt"), text, StandardCharsets.UTF_8);
            System.out.print("ReliabilityIT figures\n" + text);
        } catch (IOException e) {
            System.out.println("cannot write reliability figures: " + e.getMessage());
        }
    }
}
