package org.opensra.spi;

import java.util.Objects;
import java.util.Optional;

/** A volume or group to reverse or restore, with the replication settings SRM passed as a hint (RS-2). */
public record SettingsRequest(ObjectRef ref, Optional<ReplicationSettings> settings) {
    public SettingsRequest {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(settings, "settings");
    }
}
