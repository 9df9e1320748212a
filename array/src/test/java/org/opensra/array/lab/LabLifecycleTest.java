package org.opensra.array.lab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.cli.CliException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's process handling with launchers like bin/sra-array (a script that execs the JVM): a slow launcher
 * (busy machine) is waited for, a failed up stops what it started, down stops daemons that are still starting,
 * stop-site/start-site (the WF-5 disaster workflow) are idempotent. Every test stops every process it started.
 */
class LabLifecycleTest {
    @TempDir
    Path tmp;

    private Path labDir;
    private final List<Process> strays = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        if (labDir != null) {
            new Lab(labDir, List.of("/bin/false")).down();
            assertEquals(List.of(), daemonsOf(labDir), "no daemon of the lab may be left");
        }
        for (Process p : strays) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** A launcher script like bin/sra-array: its own arguments do not name the Java main class until it execs. */
    private List<String> launcher(String name, String beforeExec) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(e).toAbsolutePath());
            }
        }
        Path script = tmp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + beforeExec + "\nexec '" + java + "' -XX:TieredStopAtLevel=1 -Xshare:auto "
            + "-XX:+UseSerialGC -Dopensra.array.pbkdf2Iterations=1000 -cp '" + cp + "' org.opensra.array.ArrayMain \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString());
    }

    /** Live processes whose arguments show they are the daemon of site A or B of this lab. */
    private static List<Long> daemonsOf(Path lab) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            for (String site : List.of("A", "B")) {
                if (DaemonIdentity.isDaemonOf(h.pid(), lab.toAbsolutePath().normalize().resolve(site).resolve("data"))) {
                    pids.add(h.pid());
                }
            }
        });
        return pids;
    }

    private static long pid(Path lab, String site) throws IOException {
        return Long.parseLong(Files.readString(lab.resolve(site).resolve("daemon.pid")).trim());
    }

    /** The transfer port the site's daemon reported in its ready file. */
    private static int transferPort(Path lab, String site) throws IOException {
        return org.opensra.array.Json.MAPPER.readTree(Files.readString(lab.resolve(site).resolve("daemon.ready")))
            .path("transferPort").asInt(-1);
    }

    @Test
    @DisplayName("WF-5 lab up waits for a launcher that is slow to exec the JVM; up again, stop-site and start-site twice are no-ops; a restarted site keeps its ports")
    void slowLauncherUpAndIdempotentSiteControl() throws Exception {
        labDir = tmp.resolve("lab");
        Lab lab = new Lab(labDir, launcher("slow-sra-array", "sleep 3"));
        lab.up();
        assertTrue(Files.exists(lab.sitesFile()));
        long a = pid(labDir, "A");
        long b = pid(labDir, "B");
        assertEquals(2, daemonsOf(labDir).size());

        new Lab(labDir, launcher("slow-sra-array", "sleep 3")).up();
        assertEquals(a, pid(labDir, "A"), "a second up keeps the running daemon");
        assertEquals(b, pid(labDir, "B"));

        Lab control = new Lab(labDir, launcher("slow-sra-array", "sleep 3"));
        int transferA = transferPort(labDir, "A");
        assertTrue(transferA > 0, "site A reports its transfer port");
        control.stopSite("A");
        control.stopSite("A");
        assertFalse(ProcessHandle.of(a).map(ProcessHandle::isAlive).orElse(false), "site A is down");
        assertEquals(1, daemonsOf(labDir).size());
        control.startSite("A");
        long a2 = pid(labDir, "A");
        assertEquals(transferA, transferPort(labDir, "A"), "the restarted site listens for replication data where it did");
        new Lab(labDir, launcher("slow-sra-array", "sleep 3")).startSite("A");
        assertEquals(a2, pid(labDir, "A"), "start-site on a running site keeps it");
        assertEquals(2, daemonsOf(labDir).size());

        new Lab(labDir, List.of("/bin/false")).down();
        assertEquals(List.of(), daemonsOf(labDir));
        assertFalse(Files.exists(labDir.resolve("A").resolve("daemon.pid")));
    }

    @Test
    @DisplayName("WF-5 a failed lab up (site B cannot start) stops site A, which it had started")
    void failedUpStopsWhatItStarted() throws Exception {
        labDir = tmp.resolve("lab");
        Lab lab = new Lab(labDir, launcher("half-sra-array",
            "case \"$*\" in *array-b*) echo 'site B cannot start' >&2; sleep 1; exit 3;; esac"));
        CliException e = assertThrows(CliException.class, lab::up);
        assertTrue(e.getMessage().contains("site B daemon exited with status 3"), e.getMessage());
        assertTrue(e.getMessage().contains("site B cannot start"), "the log tail is shown: " + e.getMessage());
        assertEquals(List.of(), daemonsOf(labDir), "site A was stopped");
    }

    @Test
    @DisplayName("WF-5 lab down stops a daemon that is still starting (its launcher has not exec'd the JVM yet)")
    void downStopsADaemonStillStarting() throws Exception {
        labDir = tmp.resolve("lab");
        List<String> slow = launcher("very-slow-sra-array", "sleep 60");
        Path abs = labDir.toAbsolutePath().normalize();
        SiteProcess a = new SiteProcess("A", "array-a", abs, slow);
        assertTrue(a.start());
        long pid = pid(labDir, "A");
        assertTrue(DaemonIdentity.isDaemonOf(pid, abs.resolve("A").resolve("data")));

        new Lab(labDir, List.of("/bin/false")).down();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the starting daemon was stopped");
        assertFalse(Files.exists(labDir.resolve("A").resolve("daemon.pid")));
    }

    @Test
    @DisplayName("WF-5 a lab up stopped with SIGTERM while its daemons start stops the daemons it started")
    void terminatedUpStopsWhatItStarted() throws Exception {
        labDir = tmp.resolve("lab");
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.move(Path.of(launcher("sra-array", "sleep 60").get(0)), home.resolve("bin").resolve("sra-array"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process up = new ProcessBuilder(java, "-Dopensra.home=" + home, "-cp", System.getProperty("java.class.path"),
            "org.opensra.array.ArrayMain", "lab", "up", "--dir", labDir.toString())
            .redirectErrorStream(true).redirectOutput(tmp.resolve("up.log").toFile()).start();
        strays.add(up);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(Files.exists(labDir.resolve("B").resolve("daemon.pid")) && Files.exists(labDir.resolve("A").resolve("daemon.pid")))
            && up.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, daemonsOf(labDir).size(), "both daemons are starting: " + Files.readString(tmp.resolve("up.log")));
        up.destroy();
        up.waitFor();
        assertEquals(List.of(), daemonsOf(labDir), "lab up stopped its daemons when terminated");
    }

    @Test
    @DisplayName("WF-5 lab down leaves alone a process that a stale pid file names but that is not the lab's daemon")
    void downLeavesForeignProcessAlone() throws Exception {
        labDir = tmp.resolve("lab");
        Process foreign = new ProcessBuilder("sleep", "120").start();
        strays.add(foreign);
        Files.createDirectories(labDir.resolve("A"));
        Files.writeString(labDir.resolve("A").resolve("daemon.pid"), foreign.pid() + "\n");
        Files.writeString(labDir.resolve("A").resolve("daemon.ready"), "{\"pid\":" + foreign.pid() + "}\n");

        new Lab(labDir, List.of("/bin/false")).down();
        assertTrue(foreign.isAlive(), "a foreign process is never killed");
        assertFalse(Files.exists(labDir.resolve("A").resolve("daemon.pid")), "the stale pid file is removed");
    }
}
