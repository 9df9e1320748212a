package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A consistency group configured as replication source (DD-6). */
public record ConsistencyGroup(String id, DeviceState state, Optional<String> name, String targetGroupKey,
                               List<SourceDevice> sourceDevices) {
    public ConsistencyGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetGroupKey, "targetGroupKey");
        sourceDevices = List.copyOf(sourceDevices);
        if (sourceDevices.isEmpty()) {
            throw new IllegalArgumentException("consistency group " + id + " needs at least one SourceDevice");
        }
    }
}
