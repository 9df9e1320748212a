package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Features of queryCapabilities (CAP-2). {@code snapshotNamePattern} present means VmImageConsistency is
 * supported with that pattern.
 */
public record Features(boolean multiArrayDiscovery, boolean consistencyGroups, boolean dynamicAccessRestriction,
                       Optional<DeviceIdentification> deviceIdentification, List<Protocol> protocols,
                       Optional<String> snapshotNamePattern, boolean oneLunPerIScsiTarget) {
    public Features {
        Objects.requireNonNull(deviceIdentification, "deviceIdentification");
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("Features needs at least one Protocol");
        }
        Objects.requireNonNull(snapshotNamePattern, "snapshotNamePattern");
    }
}
