package org.opensra.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opensra.protocol.Connection;
import org.opensra.protocol.Envelope;
import org.opensra.protocol.Request;
import org.opensra.protocol.RequestWriter;
import org.opensra.protocol.params.CommandParameters;

/**
 * Runs the real {@code perl command.pl < request.xml} like {@link Sra} does, but as SRM's host would see a
 * crash: the perl process is SIGKILLed at a chosen instant after its start, or as soon as its log
 * (stdout) shows a marker text (a step that changed the array, before OutputFile is written).
 */
final class KillableSra {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** What happened to one started command: killed (still running at the instant) or finished by itself. */
    record Outcome(String command, boolean killed, long atMillis, long ranMillis, boolean responseWritten, String stdout) {
    }

    /** When to kill: after {@code millis}, or at once when stdout contains {@code marker} (if not null). */
    record Instant(long millis, String marker) {
        static Instant after(long millis) {
            return new Instant(millis, null);
        }

        static Instant onMarker(String marker, long fallbackMillis) {
            return new Instant(fallbackMillis, marker);
        }

        @Override
        public String toString() {
            return marker == null ? millis + " ms" : "log shows \"" + marker + "\" (else " + millis + " ms)";
        }
    }

    private final Path sraHome;
    private final Path work;

    KillableSra(Path sraHome, Path work) {
        this.sraHome = sraHome;
        this.work = work;
    }

    /** Starts the command and SIGKILLs the perl pid at the instant if it is still running; waits for its end. */
    Outcome run(String command, CommandParameters parameters, List<Connection> connections, Instant instant) {
        try {
            Path dir = work.resolve("killed-" + command + "-" + SEQUENCE.incrementAndGet());
            Files.createDirectories(dir);
            Path output = dir.resolve("response.xml");
            Path stdout = dir.resolve("stdout.txt");
            Envelope envelope = Envelope.of(command, output.toString(), dir.resolve("status.xml").toString(), "verbose",
                    dir.toString());
            Path in = dir.resolve("request.xml");
            Files.write(in, RequestWriter.toBytes(new Request(envelope, connections, parameters)));
            ProcessBuilder pb = new ProcessBuilder("perl", sraHome.resolve("command.pl").toString())
                    .redirectInput(in.toFile()).redirectOutput(stdout.toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile());
            long start = System.nanoTime();
            Process process = pb.start();
            boolean killed = false;
            long deadline = start + instant.millis() * 1_000_000L;
            while (process.isAlive()) {
                if (System.nanoTime() >= deadline || (instant.marker() != null && contains(stdout, instant.marker()))) {
                    process.destroyForcibly(); // SIGKILL of the pid SRM started
                    killed = true;
                    break;
                }
                process.waitFor(instant.marker() != null ? 2 : Math.max(1, Math.min(5,
                        (deadline - System.nanoTime()) / 1_000_000L)), TimeUnit.MILLISECONDS);
            }
            long at = (System.nanoTime() - start) / 1_000_000L;
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(command + ": perl pid " + process.pid() + " survived SIGKILL for 60 s");
            }
            long ran = (System.nanoTime() - start) / 1_000_000L;
            return new Outcome(command, killed, at, ran, Files.exists(output),
                    Files.readString(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean contains(Path file, String marker) throws IOException {
        return Files.size(file) > 0 && Files.readString(file, StandardCharsets.ISO_8859_1).contains(marker);
    }
}
