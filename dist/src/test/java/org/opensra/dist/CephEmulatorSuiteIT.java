package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;

/**
 * The SRM emulator's whole suite against the ceph driver on two real Ceph clusters (one mon, mgr, osd
 * and rbd-mirror each, drivers/ceph/lab/ceph-lab), through the real command.pl of a copy of the SRA
 * folder configured with {@code driver=ceph}. WF-5 stops site A's daemons for real. The clusters are
 * stopped whatever happens. Needs Debian's Ceph packages; without them the test is skipped with the
 * package list.
 *
 * <p>Opt-in ({@code mvn -B verify -Dopensra.ceph.it=true}), not part of `.ci/run`: it does not pass yet
 * (WF-8: site B's discovery right after restore misses the image its resync is replacing, DD-1/RES-2; the
 * RES-1 data checks pass since the restore change, see drivers/ceph CephRestoreIT), and it took about 14
 * minutes against the 10 of the CI budget. See drivers/ceph/README.md.
 */
class CephEmulatorSuiteIT {
    /** Ports shifted by this much, so that a developer's own ceph-lab on the default ports is not disturbed. */
    private static final String PORT_OFFSET = "150";
    /** Two mirrored images: every workflow acts on both; more only cost CI time (2 cores). */
    private static final String IMAGES = "2";

    @Test
    @DisplayName("WF-1 WF-2 WF-3 WF-4 WF-5 WF-6 WF-7 WF-8 DD-1 TF-2 TF-7 FO-2 FO-5 SYNC-1 SYNC-3 srm-emulator runs every workflow against the ceph driver on two Ceph clusters with rbd-mirror: zero violations, data checked")
    void everyWorkflowPassesOnCeph(@TempDir Path tmp) throws IOException {
        assumeTrue(Boolean.getBoolean("opensra.ceph.it"), "opt-in: -Dopensra.ceph.it=true (does not pass yet, see the class comment)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ceph-mon")) && Files.isExecutable(Path.of("/usr/bin/rbd-mirror")),
                "Debian's Ceph packages are not installed (apt-get install ceph-mon ceph-mgr ceph-osd rbd-mirror "
                        + "ceph-common ceph-mgr-dashboard python3-rbd)");
        Path home = Lab.home();
        Path labScript = Path.of(System.getProperty("opensra.repo")).resolve("drivers/ceph/lab/ceph-lab").toAbsolutePath();
        Path dir = tmp.resolve("lab");
        Path report = tmp.resolve("report");
        Proc.Result run;
        // stops the clusters also when the build is interrupted (Ctrl-C, SIGTERM)
        Thread hook = new Thread(() -> Proc.run(cephLab(labScript, "down", dir), null, Duration.ofMinutes(3),
                tmp.resolve("scratch")), "ceph-lab-down");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Proc.Result up = Proc.run(cephLab(labScript, "up", dir), null, Duration.ofMinutes(5), tmp.resolve("scratch"));
            assertThat(up.exit()).as("ceph-lab up:\n%s%s", up.stdout(), up.stderr()).isZero();
            Proc.Result sra = Proc.run(List.of(labScript.toString(), "sra", "--dir", dir.toString(), "--dist",
                    home.toString()), null, Duration.ofMinutes(1), tmp.resolve("scratch"));
            assertThat(sra.exit()).as("ceph-lab sra:\n%s%s", sra.stdout(), sra.stderr()).isZero();
            run = Proc.run(List.of(home.resolve("bin/srm-emulator").toString(), "run",
                    "--sra", dir.resolve("sra/command.pl").toString(), "--lab", dir.toString(),
                    "--report", report.toString(), "--quiet"), null, Duration.ofMinutes(15), tmp.resolve("scratch"));
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
            Proc.Result down = Proc.run(cephLab(labScript, "down", dir), null, Duration.ofMinutes(3), tmp.resolve("scratch"));
            assertThat(down.exit()).as("ceph-lab down:\n%s%s", down.stdout(), down.stderr()).isZero();
        }
        // the lab's own timings (up, stop-site, start-site phases) and the emulator's, for the README's breakdown
        Path labLog = dir.resolve("ceph-lab.log");
        System.out.println("ceph-lab.log:\n" + (Files.exists(labLog) ? Files.readString(labLog) : "(none)"));
        System.out.println("srm-emulator run took " + run.millis() / 1000 + " s");
        // kept for the timing breakdown (summary.json's timeline: every SRA command with its workflow and time)
        Path kept = Path.of("target", "ceph-emulator-suite");
        Files.createDirectories(kept);
        if (Files.exists(labLog)) {
            Files.copy(labLog, kept.resolve("ceph-lab.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.exists(report.resolve("summary.json"))) {
            Files.copy(report.resolve("summary.json"), kept.resolve("summary.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(survivors(dir)).as("Ceph daemons of this lab still running").isEmpty();
        JsonObject summary = JsonReader.parseObject(Files.readString(report.resolve("summary.json")));
        List<String> violations = new ArrayList<>();
        for (JsonObject v : summary.objects("violations")) {
            violations.add(v.string("requirement") + ": " + v.string("message") + " [" + v.optString("command").orElse("-") + "]");
        }
        assertThat(violations).as("violations; emulator output:\n%s%s", run.stdout(), run.stderr()).isEmpty();
        assertThat(run.exit()).as("exit status; output:\n%s%s", run.stdout(), run.stderr()).isZero();
        Map<String, Object> statuses = summary.object("requirements").members();
        for (String wf : List.of("WF-1", "WF-2", "WF-3", "WF-4", "WF-5", "WF-6", "WF-7", "WF-8")) {
            assertThat(statuses.get(wf)).as("status of %s", wf).isEqualTo("PASSED");
        }
        assertThat(summary.longValue("bytesReplicated")).isPositive();
    }

    private static List<String> cephLab(Path script, String command, Path dir) {
        return List.of("env", "CEPH_LAB_PORT_OFFSET=" + PORT_OFFSET, "CEPH_LAB_IMAGES=" + IMAGES, script.toString(),
                command, "--dir", dir.toString());
    }

    /** Processes whose command line names the lab folder (the lab's daemons all do). */
    private static List<String> survivors(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        String needle = dir.toString() + "/";
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                Path cmdline = p.resolve("cmdline");
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit) || !Files.isReadable(cmdline)) {
                    continue;
                }
                try {
                    String text = new String(Files.readAllBytes(cmdline)).replace('\0', ' ');
                    if (text.contains(needle) && (text.startsWith("ceph-") || text.startsWith("rbd-mirror"))) {
                        found.add(p.getFileName() + " " + text);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return found;
    }
}
