package org.opensra.emulator.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Processes whose command line names the SRA folder (or any text), found by a scan of /proc (Linux; none
 * elsewhere); used by the kill mode and by dist's ReliabilityIT.
 */
public final class Survivors {
    private Survivors() {
    }

    public static List<Long> of(String text) {
        List<Long> found = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return found;
        }
        // this process and its ancestors (a launcher script, `timeout`, a shell) name the SRA folder in their
        // own command lines (--sra .../command.pl): they are SRM's side, not survivors of the kill
        java.util.Set<Long> ours = new java.util.HashSet<>();
        for (Optional<ProcessHandle> h = Optional.of(ProcessHandle.current()); h.isPresent(); h = h.get().parent()) {
            ours.add(h.get().pid());
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(proc)) {
            for (Path p : procs) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0)) || ours.contains(Long.parseLong(name))) {
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
                        found.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // ended while we looked
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** Waits up to {@code graceMillis} for them to end; SIGKILLs and returns the ones left. */
    public static List<Long> after(String text, long graceMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + graceMillis;
        List<Long> left = of(text);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            left = of(text);
        }
        for (long pid : left) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        return left;
    }
}
