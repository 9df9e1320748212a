package org.opensra.spi;

import java.util.Map;

/**
 * The instant by which the running command must have answered SRM (SRM kills the SRA at its own
 * timeout). The adapter gives it to the driver when it opens a session; a driver bounds every array
 * call by {@link #remainingMillis()} and, once it has {@link #passed()}, fails at once with
 * {@link #failure(String)} (error {@link DriverError#DEADLINE_REACHED}) instead of starting new work.
 * Immutable and safe to share between threads.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, 0);

    private final long endNanos;
    private final int seconds;

    private Deadline(long endNanos, int seconds) {
        this.endNanos = endNanos;
        this.seconds = seconds;
    }

    /** No deadline: {@link #remainingMillis()} is {@link Long#MAX_VALUE}. */
    public static Deadline none() {
        return NONE;
    }

    /** The deadline {@code seconds} from now (at least 1 second). */
    public static Deadline inSeconds(int seconds) {
        int s = Math.max(1, seconds);
        return new Deadline(System.nanoTime() + s * 1_000_000_000L, s);
    }

    /** The deadline {@code seconds} (at least 1) after {@code startNanos}, a {@link System#nanoTime()} value. */
    public static Deadline startedAt(long startNanos, int seconds) {
        int s = Math.max(1, seconds);
        return new Deadline(startNanos + s * 1_000_000_000L, s);
    }

    /** The deadline {@code millis} from now (tests and sub-second budgets); its length is reported rounded up to seconds. */
    public static Deadline inMillis(long millis) {
        long ms = Math.max(0, millis);
        return new Deadline(System.nanoTime() + ms * 1_000_000L, (int) Math.min(Integer.MAX_VALUE, (ms + 999) / 1000));
    }

    /** Whether this is a real deadline (not {@link #none()}). */
    public boolean isSet() {
        return this != NONE;
    }

    /** The configured length of the deadline in seconds (0 for {@link #none()}). */
    public int seconds() {
        return seconds;
    }

    /** Milliseconds left, 0 once passed; {@link Long#MAX_VALUE} without a deadline. */
    public long remainingMillis() {
        if (!isSet()) {
            return Long.MAX_VALUE;
        }
        long left = endNanos - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000L);
    }

    public boolean passed() {
        return isSet() && endNanos - System.nanoTime() <= 0;
    }

    /**
     * {@code timeoutMillis} bounded by the time left (at least 1 ms so that a socket timeout of 0,
     * "infinite", is never produced).
     */
    public int bound(int timeoutMillis) {
        long left = remainingMillis();
        return (int) Math.max(1, Math.min(timeoutMillis, left));
    }

    /** Whether {@code timeoutMillis} had to be shortened by {@link #bound(int)} to fit the time left. */
    public boolean shortens(int timeoutMillis) {
        return remainingMillis() < timeoutMillis;
    }

    /**
     * The failure of work not done because the deadline passed; {@code work} names it in the message.
     * The Object placeholder is left to the caller, so that each item of a batch is named in its own
     * error.
     */
    public DriverException failure(String work) {
        return new DriverFailure(DriverError.DEADLINE_REACHED, Map.of("Seconds", Integer.toString(seconds)),
                "the command deadline of " + seconds + " s was reached before " + work + " was done")
                .toException();
    }

    /** Throws {@link #failure(String)} when the deadline has passed. */
    public void check(String work) throws DriverException {
        if (passed()) {
            throw failure(work);
        }
    }

    @Override
    public String toString() {
        return isSet() ? "deadline " + seconds + " s (" + remainingMillis() + " ms left)" : "no deadline";
    }
}
