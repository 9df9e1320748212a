package org.opensra.spi;

import java.util.Objects;
import java.util.Optional;

/** A host port (FC WWPN, iSCSI IQN, NFS VMkernel IP or a vCenter host MoId); chapName for iSCSI. */
public record Initiator(InitiatorType type, String id, Optional<String> chapName) {
    public Initiator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chapName, "chapName");
    }

    public static Initiator of(InitiatorType type, String id) {
        return new Initiator(type, id, Optional.empty());
    }
}
