package org.opensra.adapter.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensra.protocol.LogLevel;

/**
 * The SRA's log (spec Appendix A, INV-5, LOG-1..LOG-3): English UTF-8 lines on stdout, where SRM
 * collects them, and the same lines appended to {@code opensra-<yyyyMMdd>.log} in SRM's LogDirectory.
 * Lines below the request's LogLevel are dropped. Every line reads
 * {@code <UTC date and time with milliseconds> [p<pid>] [<level>] [<step id>] <message>}, the step id
 * only inside a {@link Step}. Every line passes the {@link CredentialScrubber} first (SEC-1).
 */
public final class SraLog implements AutoCloseable {
    private final LogLevel threshold;
    private final OutputStream stdout;
    private final OutputStream file;
    private final CredentialScrubber scrubber;
    private final String processId;
    private final AtomicInteger steps = new AtomicInteger();

    SraLog(LogLevel threshold, OutputStream stdout, OutputStream file, CredentialScrubber scrubber, String processId) {
        this.threshold = threshold;
        this.stdout = stdout;
        this.file = file;
        this.scrubber = scrubber;
        this.processId = processId;
    }

    /**
     * A log on {@code stdout} and, when {@code logDirectory} is usable, on the day's file in it. A log
     * directory that cannot be created or written is reported on stdout and otherwise ignored: logging
     * must never make a command fail.
     */
    public static SraLog open(LogLevel threshold, String logDirectory, OutputStream stdout, CredentialScrubber scrubber) {
        String pid = "p" + ProcessId.current();
        OutputStream file = null;
        String problem = null;
        if (logDirectory != null && !logDirectory.isBlank()) {
            try {
                file = LogFile.open(Path.of(logDirectory.strip()), System.currentTimeMillis());
            } catch (IOException | InvalidPathException | SecurityException e) {
                problem = "Cannot write a log file in the log directory " + quote(logDirectory.strip())
                        + " (" + FileProblem.describe(e) + "); logging to stdout only";
            }
        }
        SraLog log = new SraLog(threshold, stdout, file, scrubber, pid);
        if (problem != null) {
            log.warning(problem);
        }
        return log;
    }

    /** A log on stdout only, used before the request is known. */
    public static SraLog stdoutOnly(LogLevel threshold, OutputStream stdout) {
        return new SraLog(threshold, stdout, null, CredentialScrubber.none(), "p" + ProcessId.current());
    }

    /** Double-quotes an object name that contains blanks (LOG-3); other names are returned as they are. */
    public static String quote(String name) {
        if (name == null) {
            return "\"\"";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return '"' + name + '"';
            }
        }
        return name.isEmpty() ? "\"\"" : name;
    }

    /** {@code text} with every known credential masked, for texts that leave the process (SEC-1). */
    public String scrub(String text) {
        return scrubber.scrub(text);
    }

    public String processId() {
        return processId;
    }

    public LogLevel threshold() {
        return threshold;
    }

    public boolean enabled(LogLevel level) {
        return severity(level) >= severity(threshold);
    }

    public void trivia(String message) {
        log(LogLevel.TRIVIA, message);
    }

    public void verbose(String message) {
        log(LogLevel.VERBOSE, message);
    }

    public void info(String message) {
        log(LogLevel.INFO, message);
    }

    public void warning(String message) {
        log(LogLevel.WARNING, message);
    }

    public void error(String message) {
        log(LogLevel.ERROR, message);
    }

    public void log(LogLevel level, String message) {
        if (enabled(level)) {
            write(level, null, message);
        }
    }

    /** Written whatever the LogLevel: the release signature every command must log (LOG-1). */
    public void always(String message) {
        write(LogLevel.INFO, null, message);
    }

    /** {@code message} at error level; the stack trace only at trivia level (never to the user). */
    public void failure(String message, Throwable cause) {
        error(message);
        if (cause != null && enabled(LogLevel.TRIVIA)) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            trivia(trace.toString().stripTrailing());
        }
    }

    /**
     * Starts a workflow step: logs {@code Commence: <commence>} under a new step id ({@code p<pid>-s<n>})
     * that every line of the step carries, so that overlapping steps stay apart (LOG-2).
     */
    public Step step(String commence) {
        Step step = new Step(this, processId + "-s" + steps.incrementAndGet());
        step.commence(commence);
        return step;
    }

    void write(LogLevel level, String stepId, String message) {
        String prefix = Timestamps.line(System.currentTimeMillis()) + " [" + processId + "] [" + label(level) + "] "
                + (stepId == null ? "" : "[" + stepId + "] ");
        String text = scrubber.scrub(message == null ? "" : message);
        StringBuilder lines = new StringBuilder(prefix.length() + text.length() + 16);
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.append(prefix).append(line).append('\n');
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            writeQuietly(stdout, bytes);
            if (file != null) {
                writeQuietly(file, bytes);
            }
        }
    }

    private static void writeQuietly(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // a log sink that fails must not fail the command; the other sink still has the line
        }
    }

    static String label(LogLevel level) {
        switch (level) {
            case TRIVIA: return "trivia";
            case VERBOSE: return "verbose";
            case INFO: return "info";
            case WARNING: return "warning";
            default: return "error";
        }
    }

    static int severity(LogLevel level) {
        switch (level) {
            case TRIVIA: return 0;
            case VERBOSE: return 1;
            case INFO: return 2;
            case WARNING: return 3;
            default: return 4;
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to report it to
            }
        }
    }
}
