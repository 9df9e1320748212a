package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A replication source of discoverDevices (DD-2, DD-4): id, state, name, its target's key and the
 * identity (absent when not presented, or demoted).
 */
public record SourceDevice(String id, DeviceState state, Optional<String> name, String targetKey,
                           Optional<Identity> identity) {
    public SourceDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(identity, "identity");
    }
}
