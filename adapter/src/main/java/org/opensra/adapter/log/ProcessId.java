package org.opensra.adapter.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * This process's id, for the {@code [p<pid>]} of every log line. On Linux it is the name {@code /proc/self}
 * links to, one system call; elsewhere {@link ProcessHandle}, whose set-up (a reaper thread pool and
 * /proc reads) would cost every command about 3 ms of startup on Linux.
 */
public final class ProcessId {
    private ProcessId() {
    }

    public static String current() {
        try {
            String name = Files.readSymbolicLink(Path.of("/proc/self")).toString();
            if (isNumber(name)) {
                return name;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException | InvalidPathException e) {
            // no /proc: ask the JDK
        }
        return Long.toString(ProcessHandle.current().pid());
    }

    private static boolean isNumber(String name) {
        if (name.isEmpty() || name.length() > 19) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
