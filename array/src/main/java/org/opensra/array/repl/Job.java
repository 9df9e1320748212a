package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;

import java.util.Map;

/** A sync job: one or more transfers of a pair or group; progress is updated while bytes flow. */
public final class Job {
    private static final double ASSUMED_BYTES_PER_SECOND = 100e6;

    private final String id;
    private final String object;
    private final String started;
    private volatile String state = "running";
    private volatile long bytesSent;
    private volatile long bytesTotal;
    private volatile long transferStartNanos = System.nanoTime();
    private volatile String finished;
    private volatile ArrayException error;
    private volatile boolean again;

    public Job(String id, String object, String started) {
        this.id = id;
        this.object = object;
        this.started = started;
    }

    public String id() {
        return id;
    }

    public String object() {
        return object;
    }

    public String state() {
        return state;
    }

    public String started() {
        return started;
    }

    public String finished() {
        return finished;
    }

    public ArrayException error() {
        return error;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesTotal() {
        return bytesTotal;
    }

    void beginTransfer(long total) {
        bytesTotal = total;
        bytesSent = 0;
        transferStartNanos = System.nanoTime();
    }

    void sent(long n) {
        bytesSent += n;
    }

    /** Asks for one more transfer after the current one (a sync requested while running). */
    void requestAgain() {
        again = true;
    }

    boolean takeAgain() {
        boolean a = again;
        again = false;
        return a;
    }

    void complete() {
        finished = Clock.now();
        state = "complete";
    }

    void fail(ArrayException e) {
        error = e;
        finished = Clock.now();
        state = "failed";
    }

    public int percent() {
        if ("complete".equals(state)) {
            return 100;
        }
        long total = bytesTotal;
        return total <= 0 ? 0 : (int) Math.min(99, bytesSent * 100 / total);
    }

    public long remainingSeconds() {
        if (!"running".equals(state)) {
            return 0;
        }
        long sent = bytesSent;
        long left = Math.max(0, bytesTotal - sent);
        double elapsed = (System.nanoTime() - transferStartNanos) / 1e9;
        double rate = sent > 0 && elapsed > 0 ? sent / elapsed : ASSUMED_BYTES_PER_SECOND;
        return (long) Math.ceil(left / rate);
    }

    public Map<String, Object> view() {
        return Json.obj("id", id, "object", object, "state", state, "percent", percent(),
            "remainingSeconds", remainingSeconds(), "bytesSent", bytesSent, "bytesTotal", bytesTotal,
            "started", started, "finished", finished, "error", error == null ? null : Json.error(error));
    }
}
