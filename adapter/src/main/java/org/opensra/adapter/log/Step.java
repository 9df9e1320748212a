package org.opensra.adapter.log;

import org.opensra.protocol.LogLevel;

/**
 * One workflow step of Appendix A: a {@code Commence:} line, the step's own lines, and a
 * {@code Complete:} line, all carrying the step id (LOG-2). Closing a step that was neither completed
 * nor failed logs that it ended unfinished, so every Commence has its closing line.
 */
public final class Step implements AutoCloseable {
    private final SraLog log;
    private final String id;
    private boolean ended;

    Step(SraLog log, String id) {
        this.log = log;
        this.id = id;
    }

    void commence(String what) {
        log(LogLevel.INFO, "Commence: " + what);
    }

    public String id() {
        return id;
    }

    /** A detail line of the step, at verbose level. */
    public void log(String message) {
        log(LogLevel.VERBOSE, message);
    }

    public void log(LogLevel level, String message) {
        if (log.enabled(level)) {
            log.write(level, id, message);
        }
    }

    public void complete(String what) {
        ended = true;
        log(LogLevel.INFO, "Complete: " + what);
    }

    /** Ends the step as failed: {@code Complete: FAILED <reason>} at error level. */
    public void fail(String reason) {
        ended = true;
        log(LogLevel.ERROR, "Complete: FAILED " + reason);
    }

    @Override
    public void close() {
        if (!ended) {
            fail("the step ended before it completed");
        }
    }
}
