package org.opensra.adapter.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tally of a fuzz run: every failing case is printed with its seed and its request is kept under
 * {@code target/fuzz/<run>/} for replay ({@code -Dfuzz.replay=<seed>}); the summary lines
 * {@code fuzz_cases: N}, {@code fuzz_hangs: N} and {@code fuzz_failures: N} go to stdout and to
 * {@code target/fuzz/<run>.txt}, where bench/reliability reads them.
 */
public final class FuzzReport {
    private final String run;
    private final Path folder;
    private int cases;
    private int hangs;
    private final List<String> failures = new ArrayList<>();
    private final long started = System.nanoTime();
    private final java.io.PrintStream console;

    public FuzzReport(String run, java.io.PrintStream console) {
        this.run = run;
        this.console = console;
        this.folder = Path.of("target", "fuzz", run);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();

    public synchronized void passed() {
        cases++;
    }

    /** Notes how long a case took; the slowest few are listed in the summary. */
    public synchronized void took(RequestFuzzer.Case c, long millis) {
        slowest.put(millis * 1_000_000L + (c.seed() % 1_000_000L), c.describe());
        if (slowest.size() > 5) {
            slowest.pollFirstEntry();
        }
    }

    public synchronized void hung(RequestFuzzer.Case c, String detail) {
        cases++;
        hangs++;
        keep(c, List.of("HANG: " + detail));
    }

    public synchronized void failed(RequestFuzzer.Case c, List<String> problems) {
        cases++;
        keep(c, problems);
    }

    private void keep(RequestFuzzer.Case c, List<String> problems) {
        String line = run + " FAILED " + c.describe() + ": " + String.join("; ", problems);
        failures.add(FuzzCheck.clip(line));
        console.println(FuzzCheck.clip(line));
        try {
            Files.write(folder.resolve("seed-" + c.seed() + ".xml"), c.request());
            // getBytes, not writeString: a hostile value may hold a lone surrogate, which is written as '?'
            Files.write(folder.resolve("seed-" + c.seed() + ".txt"), (line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized int hangs() {
        return hangs;
    }

    /** Writes and prints the summary; returns it. */
    public synchronized String finish() {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String summary = "fuzz_run: " + run + "\nfuzz_cases: " + cases + "\nfuzz_hangs: " + hangs + "\nfuzz_failures: "
                + failures.size() + "\nfuzz_seconds: " + seconds + "\n";
        for (java.util.Map.Entry<Long, String> e : slowest.descendingMap().entrySet()) {
            summary += "# slow: " + e.getKey() / 1_000_000L + " ms " + FuzzCheck.clip(e.getValue()) + "\n";
        }
        try {
            Files.write(folder.getParent().resolve(run + ".txt"), summary.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console.print(summary);
        console.flush();
        return summary;
    }
}
