package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** srm-emulator demo: starts the lab through bin/sra-array, runs the workflows, always stops the lab. */
class DemoCommandTest {

    private static Path home(Path tmp) throws Exception {
        FakeLab fake = new FakeLab(tmp.resolve("fake"));
        Path bin = Files.createDirectories(tmp.resolve("opensra/bin"));
        Path sraArray = bin.resolve("sra-array");
        try (var in = DemoCommandTest.class.getResourceAsStream("/fakesra/sra-array")) {
            Files.copy(in, sraArray);
        }
        Files.copy(fake.sraDir.resolve("fakedata.pl"), bin.resolve("fakedata.pl"));
        Files.setPosixFilePermissions(sraArray, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve("opensra");
    }

    @Test
    @DisplayName("demo starts the arrays, runs the workflows against the SRA, stops the arrays and prints the report path")
    void demoRunsAndStopsTheLab(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        Path lab = tmp.resolve("lab");
        Process p = demo(home, lab, "WF-3");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("lab up in", "WF-3", "site B  testFailoverStart", "PASSED", "report: ", "lab down in");
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(lab.resolve("lab-down")).exists();
        assertThat(lab.resolve("report/index.html")).exists();
        assertThat(daemonAlive(lab)).isFalse();
    }

    @Test
    @DisplayName("demo interrupted with Ctrl-C (SIGINT) still stops the arrays and leaves no process behind")
    void interruptedDemoStopsTheLab(@TempDir Path tmp) throws Exception {
        Path home = home(tmp);
        Path lab = tmp.resolve("lab");
        Process p = demo(home, lab, "all");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.contains("== WF-3")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).anyMatch(l -> l.contains("lab down in"));
        assertThat(lab.resolve("lab-down")).exists();
        assertThat(daemonAlive(lab)).isFalse();
        assertThat(leftovers(tmp)).isEmpty();
    }

    private static boolean daemonAlive(Path lab) throws Exception {
        long pid = Long.parseLong(Files.readString(lab.resolve("daemon.pid")).strip());
        return alive(pid);
    }

    /** Alive and not a zombie waiting to be reaped. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    /** Processes (other than this JVM) working in or naming the test folder. */
    private static List<String> leftovers(Path tmp) {
        List<String> out = new ArrayList<>();
        ProcessHandle.allProcesses().filter(h -> h.pid() != ProcessHandle.current().pid()).forEach(h -> {
            String cwd = "";
            try {
                cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(h.pid()), "cwd")).toString();
            } catch (Exception ignored) {
                // process gone or not ours
            }
            String cmd = h.info().commandLine().orElse("");
            if ((cwd.startsWith(tmp.toString()) || cmd.contains(tmp.toString())) && alive(h.pid())) {
                out.add(h.pid() + " " + cmd);
            }
        });
        return out;
    }

    private static Process demo(Path home, Path lab, String workflows) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Dopensra.home=" + home, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "demo", "--sra", home.resolve("bin/../../fake/sra/command.pl").normalize()
                        .toString(), "--dir", lab.toString(), "--workflows", workflows);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
