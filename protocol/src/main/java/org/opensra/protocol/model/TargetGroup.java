package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The replication target of a group (DD-6): key, name, devices, test snapshot, id/state when promoted. */
public record TargetGroup(String key, Optional<String> name, Optional<Promotion> promotion,
                          List<TargetDevice> targetDevices, Optional<GroupSnapshot> snapshot) {
    public TargetGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(promotion, "promotion");
        targetDevices = List.copyOf(targetDevices);
        Objects.requireNonNull(snapshot, "snapshot");
        if (targetDevices.isEmpty()) {
            throw new IllegalArgumentException("target group " + key + " needs at least one TargetDevice");
        }
    }
}
