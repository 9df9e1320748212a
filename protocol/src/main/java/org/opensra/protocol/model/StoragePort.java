package org.opensra.protocol.model;

import java.util.Objects;

/** A storage port (SCSI target WWPN/IQN or NAS IP) of a result (DD-7). */
public record StoragePort(String id, PortType type) {
    public StoragePort {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }
}
