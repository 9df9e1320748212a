package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A standalone target device to test or fail over, with access groups and recovery point (Table 11). */
public record TargetDeviceRequest(String key, List<String> accessGroups, Optional<String> recoveryPoint) {
    public TargetDeviceRequest {
        Objects.requireNonNull(key, "key");
        accessGroups = List.copyOf(accessGroups);
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
    }

    public static TargetDeviceRequest of(String key) {
        return new TargetDeviceRequest(key, List.of(), Optional.empty());
    }
}
