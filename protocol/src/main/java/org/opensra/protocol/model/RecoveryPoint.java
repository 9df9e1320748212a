package org.opensra.protocol.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A recovery point (Table 10, RP-1): id, optional name, xsd:dateTime timestamp and the VM image
 * consistency flag.
 */
public record RecoveryPoint(String id, Optional<String> name, String time, boolean vmImageConsistencyEnabled) {
    /** xsd:dateTime lexical form: date, T, time with optional fraction, optional zone. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public RecoveryPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        if (!DATE_TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("recovery point time is not an xsd:dateTime: " + time);
        }
    }

    /** A recovery point at the given instant, written in UTC. */
    public static RecoveryPoint of(String id, Optional<String> name, Instant time, boolean vmImageConsistent) {
        return new RecoveryPoint(id, name, UTC.format(time), vmImageConsistent);
    }
}
