package org.opensra.emulator.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.opensra.emulator.site.ConnectionValues;
import org.opensra.emulator.sra.RequestXml;

/**
 * One SRA command started exactly as SRM starts it ({@code perl command.pl}, request on stdin, a private
 * folder for OutputFile, StatusFile and LogDirectory) and SIGKILLed at a chosen instant, as a crash of
 * SRM's host or an operator's kill would end it. The folder is removed afterwards.
 */
final class KilledRun {
    /** Whether the SIGKILL hit a running process, when, and how long the process lived. */
    record Outcome(boolean killed, long atMillis, long ranMillis) {
    }

    private KilledRun() {
    }

    static Outcome run(Path commandPl, String command, ConnectionValues connection, String parameters, long killAfterMillis)
            throws IOException, InterruptedException {
        Path priv = Files.createTempDirectory("srm-emulator-kill-");
        try {
            String request = RequestXml.build(command, priv.resolve("response.xml").toString(),
                    priv.resolve("status.xml").toString(), "verbose", Files.createDirectory(priv.resolve("logs")).toString(),
                    connection == null ? null : RequestXml.connections(connection, false), parameters);
            Process p = new ProcessBuilder("perl", commandPl.getFileName().toString())
                    .directory(commandPl.getParent().toFile())
                    .redirectOutput(priv.resolve("stdout.log").toFile())
                    .redirectError(priv.resolve("stderr.log").toFile())
                    .start();
            long start = System.nanoTime();
            try (OutputStream in = p.getOutputStream()) {
                in.write(request.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the SRA may be gone already; the kill below is what matters
            }
            boolean killed = false;
            long wait = killAfterMillis - (System.nanoTime() - start) / 1_000_000L;
            if (wait <= 0 || !p.waitFor(wait, TimeUnit.MILLISECONDS)) {
                if (p.isAlive()) {
                    p.destroyForcibly(); // SIGKILL of the pid SRM started
                    killed = true;
                }
            }
            long at = (System.nanoTime() - start) / 1_000_000L;
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("pid " + p.pid() + " survived SIGKILL for 60 s");
            }
            return new Outcome(killed, at, (System.nanoTime() - start) / 1_000_000L);
        } finally {
            deleteTree(priv);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
