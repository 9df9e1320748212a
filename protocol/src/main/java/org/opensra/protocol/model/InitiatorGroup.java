package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;

/** An initiator group of a discoverDevices/testFailoverStart/failover result (DD-7). */
public record InitiatorGroup(String id, List<Initiator> initiators) {
    public InitiatorGroup {
        Objects.requireNonNull(id, "id");
        initiators = List.copyOf(initiators);
    }
}
