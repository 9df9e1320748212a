package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A target group to test or fail over, with optional recovery point and per-device access (Table 11). */
public record TargetGroupRequest(String key, Optional<String> recoveryPoint, List<DeviceAccess> devices) {
    public TargetGroupRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        devices = List.copyOf(devices);
    }

    public static TargetGroupRequest of(String key) {
        return new TargetGroupRequest(key, Optional.empty(), List.of());
    }
}
