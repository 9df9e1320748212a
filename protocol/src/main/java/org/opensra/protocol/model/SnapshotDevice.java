package org.opensra.protocol.model;

import java.util.Objects;

/** A device of a group snapshot: target key and the device's own snapshot. */
public record SnapshotDevice(String key, Snapshot snapshot) {
    public SnapshotDevice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
