package org.opensra.spi;

import java.util.Objects;

/** An array target port (FC WWPN, iSCSI IQN) or a NAS IP address (NFS). */
public record StoragePort(String id, Protocol type) {
    public StoragePort {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }
}
