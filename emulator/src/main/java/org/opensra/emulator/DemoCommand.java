package org.opensra.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opensra.emulator.site.SiteConfig;
import org.opensra.emulator.site.SiteFiles;
import org.opensra.emulator.workflow.Options;
import org.opensra.emulator.workflow.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srm-emulator demo}: starts two embedded arrays (sra-array lab up), runs every workflow against the
 * SRA with a progress display, stops the arrays (also on Ctrl-C) and prints where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a two-site lab, run every SRM workflow against the SRA, stop the lab.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--sra", required = true, description = "path to the SRA's command.pl")
    Path sra;

    @Option(names = "--dir", description = "lab folder (default: a new temporary folder)")
    Path dir;

    @Option(names = "--report", description = "report folder (default: <lab folder>/report)")
    Path report;

    @Option(names = "--timeout", defaultValue = "300", description = "time limit per SRA command in seconds")
    long timeoutSeconds;

    @Option(names = "--workflows", split = ",", description = "workflows to run (default: all)")
    List<String> workflows;

    @Override
    public Integer call() throws Exception {
        String home = System.getProperty("opensra.home");
        if (home == null) {
            System.err.println("srm-emulator demo: -Dopensra.home is not set (run it through bin/srm-emulator)");
            return 2;
        }
        Path sraArray = Path.of(home, "bin", "sra-array");
        if (!Files.isExecutable(sraArray)) {
            System.err.println("srm-emulator demo: " + sraArray + " not found; build with mvn -B package");
            return 2;
        }
        Path lab = dir != null ? dir.toAbsolutePath() : Files.createTempDirectory("opensra-demo-");
        Path reportDir = report != null ? report : lab.resolve("report");
        LabControl control = new LabControl(sraArray, lab);
        Thread hook = new Thread(control::down, "srm-emulator-demo-lab-down");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            System.out.println("starting two embedded arrays in " + lab + " ...");
            control.up();
            List<SiteConfig> sites = SiteFiles.loadLab(lab);
            RunResult r = RunCommand.execute(sra, sites.get(0), sites.get(1), reportDir,
                    RunCommand.options(workflows, 600), Duration.ofSeconds(timeoutSeconds), false);
            return r.passed() ? 0 : 1;
        } finally {
            control.down();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook stops the lab
            }
            System.out.println("arrays stopped (lab folder " + lab + ")");
        }
    }

    /** Starts and stops the lab through sra-array; stopping happens once even if called twice. */
    static final class LabControl {
        private final Path sraArray;
        private final Path lab;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();

        LabControl(Path sraArray, Path lab) {
            this.sraArray = sraArray;
            this.lab = lab;
        }

        void up() throws IOException, InterruptedException {
            started.set(true);
            int rc = exec(List.of(sraArray.toString(), "lab", "up", "--dir", lab.toString()), 300);
            if (rc != 0) {
                throw new IOException("sra-array lab up exited " + rc);
            }
        }

        void down() {
            if (!started.get() || !stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                exec(List.of(sraArray.toString(), "lab", "down", "--dir", lab.toString()), 120);
            } catch (IOException | InterruptedException e) {
                System.err.println("could not stop the lab: " + e.getMessage() + "; run: " + sraArray + " lab down --dir "
                        + lab);
            }
        }

        private static int exec(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).inheritIO().start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
            }
            return p.exitValue();
        }
    }
}
