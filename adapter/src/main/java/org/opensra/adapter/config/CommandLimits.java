package org.opensra.adapter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits every command runs under, keys of {@code sra/conf/opensra.properties}:
 * <ul>
 * <li>{@code command.deadlineSeconds} (default 240): SRM kills the SRA at its SRA timeout (300 s by
 *     default), so the command answers by this deadline; items not done by then get error 1019 each
 *     (INV-3, RESP-1). Keep it well below SRM's timeout.</li>
 * <li>{@code command.heartbeatSeconds} (default 20): during long work the last progress value is
 *     repeated to the StatusFile at least this often (INV-4: SRM wants progress every 30 s).</li>
 * <li>{@code request.maxBytes} (default 64 MiB, at least 1 MiB): a larger request on stdin is refused
 *     with one line (TOL-3).</li>
 * </ul>
 * A value that is not a number in its range is reported in {@link #problems()} and the default used.
 */
public record CommandLimits(int deadlineSeconds, int heartbeatSeconds, long maxRequestBytes, List<String> problems) {
    public static final String DEADLINE_KEY = "command.deadlineSeconds";
    public static final String HEARTBEAT_KEY = "command.heartbeatSeconds";
    public static final String MAX_REQUEST_KEY = "request.maxBytes";
    public static final int DEFAULT_DEADLINE_SECONDS = 240;
    public static final int DEFAULT_HEARTBEAT_SECONDS = 20;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L * 1024 * 1024;
    /** Requests up to 1 MiB are always read (without reading the configuration). */
    public static final long MIN_MAX_REQUEST_BYTES = 1024L * 1024;

    public CommandLimits {
        problems = List.copyOf(problems);
    }

    public static CommandLimits defaults() {
        return new CommandLimits(DEFAULT_DEADLINE_SECONDS, DEFAULT_HEARTBEAT_SECONDS, DEFAULT_MAX_REQUEST_BYTES,
                List.of());
    }

    /** The limits of a configuration's keys. */
    public static CommandLimits from(Map<String, String> properties) {
        List<String> problems = new ArrayList<>();
        long deadline = number(properties, DEADLINE_KEY, DEFAULT_DEADLINE_SECONDS, 1, 3600, problems);
        long heartbeat = number(properties, HEARTBEAT_KEY, DEFAULT_HEARTBEAT_SECONDS, 1, 3600, problems);
        long max = number(properties, MAX_REQUEST_KEY, DEFAULT_MAX_REQUEST_BYTES, MIN_MAX_REQUEST_BYTES,
                Integer.MAX_VALUE - 16, problems);
        return new CommandLimits((int) deadline, (int) heartbeat, max, problems);
    }

    private static long number(Map<String, String> properties, String key, long fallback, long min, long max,
                               List<String> problems) {
        String value = properties.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + "=" + value.strip() + " is not a number between " + min + " and " + max
                + "; using " + fallback);
        return fallback;
    }
}
