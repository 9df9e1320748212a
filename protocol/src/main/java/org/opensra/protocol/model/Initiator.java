package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/** A host initiator: type, WWN/IQN/IP/MoId, and the CHAP name for iSCSI (Table 11). */
public record Initiator(PortType type, String id, Optional<String> chapName) {
    public Initiator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chapName, "chapName");
    }

    public static Initiator of(PortType type, String id) {
        return new Initiator(type, id, Optional.empty());
    }
}
