package org.opensra.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.opensra.emulator.report.Reports;
import org.opensra.emulator.site.SiteConfig;
import org.opensra.emulator.site.SiteFiles;
import org.opensra.emulator.sra.SraCommand;
import org.opensra.emulator.workflow.Emulation;
import org.opensra.emulator.workflow.Options;
import org.opensra.emulator.workflow.RunResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code srm-emulator run}: SRM's workflows against any SRA at two sites; exit 1 when a check fails. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run SRM's workflows against an SRA at two sites and check every response.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--sra", description = "path to the SRA's command.pl (or --sra-command)")
    Path sra;

    @Option(names = "--sra-command", description = "run the SRA through this command instead of perl command.pl, "
            + "words split at spaces, e.g. \"docker exec -i -u srm CONTAINER perl /srm/sra/command.pl\" or "
            + "\"sra-in-root ROOT 1000:1000 perl /srm/sra/command.pl\"; needs --sra-work-dir")
    String sraCommand;

    @Option(names = "--sra-work-dir", description = "HOST_DIR=SRA_DIR: a folder the emulator writes as HOST_DIR and "
            + "the SRA sees as SRA_DIR, for OutputFile, StatusFile and LogDirectory (with --sra-command)")
    String sraWorkDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Sites sites;

    static final class Sites {
        @ArgGroup(exclusive = false)
        SiteFilesGroup files;
        @Option(names = "--lab", description = "a lab started by ./sra-lab up --dir DIR (reads DIR/sites.json)")
        Path lab;
    }

    static final class SiteFilesGroup {
        @Option(names = "--protected", required = true, description = "site file of the protected site")
        Path protectedFile;
        @Option(names = "--recovery", required = true, description = "site file of the recovery site")
        Path recoveryFile;
    }

    @Option(names = "--workflows", split = ",", description = "workflows to run, e.g. WF-3,WF-4 (default: all; "
            + "WF-1 and WF-2 always run)")
    List<String> workflows;

    @Option(names = "--report", description = "report folder (default: ./srm-emulator-report-<time>)")
    Path report;

    @Option(names = "--timeout", defaultValue = "300", description = "time limit per SRA command in seconds (default 300)")
    long timeoutSeconds;

    @Option(names = "--sync-timeout", defaultValue = "600", description = "time limit for one sync to complete, seconds")
    long syncTimeoutSeconds;

    @Option(names = "--min-poll-ms", defaultValue = "200",
            description = "shortest wait between querySyncStatus polls in ms (default 200)")
    long minPollMillis;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--parallel-plans", defaultValue = "0", paramLabel = "N",
            description = "instead of the workflows: N recovery plans at once on different protection groups in both "
                    + "directions, plus two on one group (INV-7); prints parallel_failures: N")
    int parallelPlans;

    @Option(names = "--kill", description = "kill-and-retry mode: before each mutating command the SRA is SIGKILLed "
            + "at a random instant of the same command, then SRM's next step runs (the command again; Cleanup first "
            + "for testFailoverStart); reports kills, converged, orphan_processes")
    boolean kill;

    @Option(names = "--kill-seed", description = "seed of the kill instants (default: random, printed)")
    Long killSeed;

    @Override
    public Integer call() throws Exception {
        SraCommand command = sraCommand();
        List<SiteConfig> pair = sites.lab != null ? SiteFiles.loadLab(sites.lab)
                : List.of(SiteFiles.load(sites.files.protectedFile, "A"), SiteFiles.load(sites.files.recoveryFile, "B"));
        Path dir = report != null ? report : defaultReportDir();
        if (parallelPlans > 0) {
            if (sra == null) {
                throw new IllegalArgumentException("--parallel-plans runs the SRA as a local process: give --sra PATH_TO_COMMAND_PL");
            }
            return ParallelPlansRun.execute(sra, pair.get(0), pair.get(1), dir, parallelPlans,
                    Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(syncTimeoutSeconds));
        }
        Options o = options(workflows, syncTimeoutSeconds);
        o = new Options(o.workflows(), o.syncTimeout(), java.time.Duration.ofMillis(minPollMillis), o.maxPoll());
        if (kill) {
            if (sra == null) {
                throw new IllegalArgumentException("--kill runs the SRA as a local process: give --sra PATH_TO_COMMAND_PL");
            }
            long seed = killSeed != null ? killSeed : new java.util.Random().nextInt(Integer.MAX_VALUE);
            org.opensra.emulator.chaos.KillMode k = new org.opensra.emulator.chaos.KillMode(seed, sra,
                    quiet ? null : System.out);
            RunResult r = execute(command, pair.get(0), pair.get(1), dir, o, Duration.ofSeconds(timeoutSeconds), quiet, k);
            org.opensra.emulator.chaos.KillMode.Summary s = k.summary(r.verdicts().violations());
            java.nio.file.Files.writeString(dir.resolve("kills.txt"), s.text());
            System.out.print("kill mode (" + dir.resolve("kills.txt") + "):\n" + s.text());
            return r.passed() && s.passed() ? 0 : 1;
        }
        RunResult r = execute(command, pair.get(0), pair.get(1), dir, o,
                Duration.ofSeconds(timeoutSeconds), quiet, null);
        return r.passed() ? 0 : 1;
    }

    /** --sra, or --sra-command with --sra-work-dir. */
    SraCommand sraCommand() {
        if ((sra == null) == (sraCommand == null)) {
            throw new IllegalArgumentException("give either --sra PATH_TO_COMMAND_PL or --sra-command \"COMMAND\" "
                    + "with --sra-work-dir HOST_DIR=SRA_DIR");
        }
        if (sra != null) {
            if (sraWorkDir != null) {
                throw new IllegalArgumentException("--sra-work-dir goes with --sra-command");
            }
            return SraCommand.local(sra);
        }
        return SraCommand.prefixed(sraCommand, sraWorkDir);
    }

    static Path defaultReportDir() {
        return Path.of("srm-emulator-report-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    static Options options(List<String> workflows, long syncTimeoutSeconds) {
        Options d = Options.defaults();
        Set<String> wf = new LinkedHashSet<>(List.of("WF-1", "WF-2"));
        if (workflows == null || workflows.isEmpty() || workflows.contains("all")) {
            wf = Options.ALL;
        } else {
            for (String w : workflows) {
                String id = w.trim().toUpperCase(java.util.Locale.ROOT);
                if (!Options.ALL.contains(id)) {
                    throw new IllegalArgumentException("unknown workflow " + w + " (use WF-1..WF-8 or all)");
                }
                wf.add(id);
            }
        }
        return new Options(wf, Duration.ofSeconds(syncTimeoutSeconds), d.minPoll(), d.maxPoll());
    }

    /** Runs the emulation and writes the reports; prints the summary. */
    static RunResult execute(Path sra, SiteConfig a, SiteConfig b, Path reportDir, Options options, Duration timeout,
                             boolean quiet) throws java.io.IOException {
        return execute(SraCommand.local(sra), a, b, reportDir, options, timeout, quiet, null);
    }

    static RunResult execute(SraCommand sra, SiteConfig a, SiteConfig b, Path reportDir, Options options, Duration timeout,
                             boolean quiet, org.opensra.emulator.chaos.KillMode kills) throws java.io.IOException {
        Emulation e = new Emulation(sra, a, b, reportDir.toAbsolutePath(), options, timeout, quiet ? null : System.out);
        if (kills != null) {
            e.kills(kills);
        }
        Thread hook = new Thread(e::interrupt, "srm-emulator-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult r;
        try {
            r = e.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        Path index = Reports.write(r);
        if (quiet) {
            System.out.println((r.passed() ? "PASSED" : "FAILED") + ", report: " + index);
            return r;
        }
        System.out.println();
        System.out.println(r.passed() ? "PASSED: no violations" : "FAILED: " + r.verdicts().violations().size() + " violation(s)");
        r.verdicts().violations().stream().limit(20).forEach(v -> System.out.println("  " + v));
        System.out.println("bytes replicated (verified): " + r.bytesReplicated());
        System.out.println("report: " + index);
        return r;
    }
}
