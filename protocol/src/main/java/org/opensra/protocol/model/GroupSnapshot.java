package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;

/** The writable test copy of a target group as a whole (Tables 8 and 11). */
public record GroupSnapshot(String id, List<SnapshotDevice> devices, RecoveryPoint recoveryPoint) {
    public GroupSnapshot {
        Objects.requireNonNull(id, "id");
        devices = List.copyOf(devices);
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
    }
}
