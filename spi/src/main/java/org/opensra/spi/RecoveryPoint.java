package org.opensra.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A point in time a replica can be copied or promoted from (RP-1). Drivers without several recovery
 * points report {@code id = "latest"} with the time of the replica's data (RP-3).
 */
public record RecoveryPoint(String id, Optional<String> name, Instant time, boolean vmImageConsistent) {
    public static final String LATEST = "latest";

    public RecoveryPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
    }

    public static RecoveryPoint latest(Instant time) {
        return new RecoveryPoint(LATEST, Optional.empty(), time, false);
    }
}
