package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A replication target of discoverDevices (DD-3): key and name; promoted targets add id/state and identity;
 * during a test a standalone target shows its snapshot.
 */
public record TargetDevice(String key, Optional<String> name, Optional<Promotion> promotion,
                           Optional<Identity> identity, Optional<Snapshot> snapshot) {
    public TargetDevice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    public static TargetDevice of(String key, Optional<String> name) {
        return new TargetDevice(key, name, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
