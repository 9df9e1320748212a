package org.opensra.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Processes whose command line names a folder, found by a scan of /proc (Linux), and their removal. */
final class Survivors {
    private Survivors() {
    }

    /** The pids (other than ours) whose command line contains {@code text}. */
    static List<Long> of(String text) {
        List<Long> found = new ArrayList<>();
        // this JVM and its ancestors (mvn, a shell) are the test's side, never survivors of a kill
        java.util.Set<Long> ours = new java.util.HashSet<>();
        for (java.util.Optional<ProcessHandle> h = java.util.Optional.of(ProcessHandle.current()); h.isPresent();
                h = h.get().parent()) {
            ours.add(h.get().pid());
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : procs) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (ours.contains(pid)) {
                    continue;
                }
                try {
                    byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
                    for (int i = 0; i < raw.length; i++) {
                        if (raw[i] == 0) {
                            raw[i] = ' ';
                        }
                    }
                    if (new String(raw, StandardCharsets.UTF_8).contains(text)) {
                        found.add(pid);
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot scan /proc: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Waits up to {@code graceMillis} for every process naming {@code text} to end; the ones still there are
     * returned (and SIGKILLed, so that the next case starts clean).
     */
    static List<Long> after(String text, long graceMillis) {
        long deadline = System.currentTimeMillis() + graceMillis;
        List<Long> left = of(text);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            pause(100);
            left = of(text);
        }
        for (long pid : left) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        return left;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
