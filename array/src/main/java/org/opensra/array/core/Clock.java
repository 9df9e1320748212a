package org.opensra.array.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as ISO-8601 UTC strings with millisecond precision. */
public final class Clock {
    private Clock() {
    }

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
