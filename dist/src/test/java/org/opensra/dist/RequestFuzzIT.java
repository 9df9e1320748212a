package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.fuzz.FuzzCheck;
import org.opensra.adapter.fuzz.FuzzReport;
import org.opensra.adapter.fuzz.RequestFuzzer;

/**
 * Issue 18 end to end: fuzzed requests (300 by default, {@code -Dfuzz.dist.cases=N}; first seed
 * {@code -Dfuzz.dist.seed=S}) through the real {@code perl command.pl} of the distribution, its embedded
 * driver's connection on a loopback port that refuses connections. Every process exits within its deadline
 * with an Error response or one line and a non-zero exit, with no stack trace on stdout or stderr and no
 * credential in any output or file (TOL-2, TOL-3, INV-3, SEC-1). The summary goes to
 * {@code target/fuzz/command-pl.txt} ({@code fuzz_cases}, {@code fuzz_hangs}, {@code fuzz_failures}).
 */
class RequestFuzzIT {
    private static final long DEADLINE_SECONDS = 90;

    @TempDir
    Path work;

    @Test
    @DisplayName("TOL-2 TOL-3 INV-3 SEC-1 fuzzed requests through perl command.pl: Error response or one line, exit in time, no stack trace, no credential")
    void fuzzThroughCommandPl() throws Exception {
        Path sra = Path.of(System.getProperty("opensra.home", "target/opensra")).resolve("sra");
        assertThat(sra.resolve("command.pl")).exists();
        String refused = "127.0.0.1:" + freePort();
        int cases = Integer.getInteger("fuzz.dist.cases", 300);
        long first = Long.getLong("fuzz.dist.seed", 77_000_000L);
        FuzzReport report = new FuzzReport("command-pl", System.out);
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        for (long seed = first; seed < first + cases; seed++) {
            Path dir = Files.createDirectories(work.resolve("case-" + seed));
            RequestFuzzer.Case c = RequestFuzzer.generate(seed, dir, refused);
            Path in = scratch.resolve("request.xml");
            Path out = scratch.resolve("stdout.txt");
            Path err = scratch.resolve("stderr.txt");
            Files.write(in, c.request());
            Process process = new ProcessBuilder("perl", sra.resolve("command.pl").toString()).directory(dir.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            long start = System.nanoTime();
            if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                report.hung(c, "command.pl still running after " + DEADLINE_SECONDS + " s");
                continue;
            }
            report.took(c, (System.nanoTime() - start) / 1_000_000L);
            String stdout = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
            String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>(FuzzCheck.problems(c, process.exitValue(), stdout, stderr, dir));
            if (problems.isEmpty()) {
                report.passed();
                delete(dir);
            } else {
                problems.add("exit " + process.exitValue());
                report.failed(c, problems);
            }
        }
        Files.deleteIfExists(scratch.resolve("request.xml"));
        report.finish();
        assertThat(report.hangs()).as("fuzz_hangs").isZero();
        assertThat(report.failures()).as("failing cases (requests kept in target/fuzz/command-pl)").isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
