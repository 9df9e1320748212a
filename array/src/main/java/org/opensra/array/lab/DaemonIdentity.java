package org.opensra.array.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a process is the array daemon of one data folder, from its full argument list
 * (/proc/PID/cmdline): {@code serve ... --data DIR}. True in every phase of a start (setsid, the
 * launcher script, the JVM), since each phase keeps the daemon's arguments.
 */
final class DaemonIdentity {
    private DaemonIdentity() {
    }

    static boolean isDaemonOf(long pid, Path dataDir) {
        List<String> args = arguments(pid);
        String dir = dataDir.toAbsolutePath().normalize().toString();
        boolean serve = false;
        boolean data = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ("serve".equals(a)) {
                serve = true;
            } else if ("--data".equals(a) && i + 1 < args.size() && dir.equals(args.get(i + 1))) {
                data = true;
            } else if (("--data=" + dir).equals(a)) {
                data = true;
            }
        }
        return serve && data && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The process's arguments, empty when it is gone or not readable. */
    static List<String> arguments(long pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            args.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return args;
    }
}
