package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.fuzz.FuzzCheck;
import org.opensra.adapter.fuzz.FuzzReport;
import org.opensra.adapter.fuzz.RequestFuzzer;
import org.opensra.adapter.testing.FixedDriverLocator;
import org.opensra.adapter.workflow.FakeArrayDriverFactory;

/**
 * Issue 18: at least 10,000 generated and mutated requests ({@link RequestFuzzer}) run in-process through
 * {@link SraMain#run()}, the path command.pl runs, with a real install folder whose driver is a fake
 * two-site array (or an unreachable one), each in a fresh folder with a deadline. Every case must end in
 * exit 0 with one schema-valid response or a non-zero exit with one line and no response file, with no
 * stack trace on stdout or stderr and no credential in any output or file (TOL-2, TOL-3, INV-3, SEC-1).
 * {@code -Dfuzz.cases=N} sets the number of cases, {@code -Dfuzz.seed=S} the first seed and
 * {@code -Dfuzz.replay=S} runs the one case of seed S.
 */
class RequestFuzzTest {
    static final long FIRST_SEED = Long.getLong("fuzz.seed", 18_000_000L);
    private static final long DEADLINE_SECONDS = 15;
    private static final int PARALLEL = 2;

    @TempDir
    Path work;

    @Test
    @DisplayName("TOL-2 TOL-3 INV-3 SEC-1 10,000 fuzzed requests: an Error response or one line and exit 1, no stack trace, no credential")
    void fuzz() throws Exception {
        List<Long> seeds = new ArrayList<>();
        String replay = System.getProperty("fuzz.replay", "");
        if (!replay.isBlank()) {
            for (String s : replay.split(",")) {
                seeds.add(Long.parseLong(s.strip()));
            }
        } else {
            int cases = Integer.getInteger("fuzz.cases", 10_000);
            for (int i = 0; i < cases; i++) {
                seeds.add(FIRST_SEED + i);
            }
        }
        FuzzReport report = run("in-process", seeds, work);
        assertThat(report.hangs()).as("fuzz_hangs").isZero();
        assertThat(report.failures()).as("failing cases (requests kept in target/fuzz/in-process)").isEmpty();
    }

    /** One case's run: the request, its folder, and how it ended. */
    private record Outcome(RequestFuzzer.Case c, Path dir, int exit, String stdout, String thrown, long millis) {
    }

    /**
     * Runs the cases of {@code seeds} and reports them; shared with the regression test of found faults.
     * Cases run in batches of {@link #PARALLEL} on daemon threads, each batch waited for up to the deadline
     * (a hung case is reported and its thread abandoned); stderr is captured per batch.
     */
    static FuzzReport run(String name, List<Long> seeds, Path work) throws IOException, InterruptedException {
        return run(name, seeds, work, RequestFuzzer::generate);
    }

    /** Makes the case of a seed in its folder. */
    interface CaseSource {
        RequestFuzzer.Case make(long seed, Path dir);
    }

    static FuzzReport run(String name, List<Long> seeds, Path work, CaseSource source)
            throws IOException, InterruptedException {
        PrintStream console = System.out;
        PrintStream consoleErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        FuzzReport report = new FuzzReport(name, console);
        Path install = Files.createDirectories(work.resolve("install"));
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/opensra.properties"), "driver=" + FakeArrayDriverFactory.NAME + "\n");
        Set<String> cwdBefore = list(Path.of(""));
        ExecutorService executor = Executors.newCachedThreadPool(daemon());
        System.setOut(capture);
        System.setErr(capture);
        try {
            for (int from = 0; from < seeds.size(); from += PARALLEL) {
                List<Future<Outcome>> batch = new ArrayList<>();
                List<RequestFuzzer.Case> cases = new ArrayList<>();
                for (long seed : seeds.subList(from, Math.min(seeds.size(), from + PARALLEL))) {
                    Path dir = Files.createDirectories(work.resolve("case-" + seed));
                    RequestFuzzer.Case c = source.make(seed, dir);
                    cases.add(c);
                    batch.add(executor.submit(() -> runOne(c, dir, install)));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
                List<Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        outcomes.add(batch.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                    } catch (TimeoutException e) {
                        batch.get(i).cancel(true);
                        report.hung(cases.get(i), "no exit within " + DEADLINE_SECONDS + " s");
                    } catch (ExecutionException e) {
                        report.failed(cases.get(i), List.of("the test's case runner failed: " + e.getCause()));
                    }
                }
                String err = captured.toString(StandardCharsets.UTF_8);
                captured.reset();
                for (Outcome o : outcomes) {
                    report.took(o.c(), o.millis());
                    List<String> problems = new ArrayList<>();
                    if (o.thrown() != null) {
                        problems.add("run() threw " + o.thrown());
                    } else {
                        problems.addAll(FuzzCheck.problems(o.c(), o.exit(), o.stdout(), err, o.dir()));
                    }
                    Set<String> cwdAfter = list(Path.of(""));
                    if (!cwdAfter.equals(cwdBefore)) {
                        problems.add("wrote into the working directory: " + cwdAfter);
                    }
                    if (problems.isEmpty()) {
                        report.passed();
                        delete(o.dir());
                    } else {
                        report.failed(o.c(), problems);
                    }
                }
            }
        } finally {
            System.setOut(console);
            System.setErr(consoleErr);
            executor.shutdownNow();
        }
        report.finish();
        return report;
    }

    /** The path command.pl runs: SraMain on the request, the fake arrays behind the install folder's driver. */
    private static Outcome runOne(RequestFuzzer.Case c, Path dir, Path install) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        SraMain sra = new SraMain(new ByteArrayInputStream(c.request()), stdout, install, CommandRegistry.standard(),
                new FixedDriverLocator(new FakeArrayDriverFactory()));
        long start = System.nanoTime();
        int exit = -1;
        String thrown = null;
        try {
            exit = sra.run();
        } catch (Throwable e) { // main() would turn it into one line; here it is a finding
            thrown = e.toString();
        }
        return new Outcome(c, dir, exit, stdout.toString(StandardCharsets.UTF_8), thrown,
                (System.nanoTime() - start) / 1_000_000L);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        };
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.toAbsolutePath())) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
