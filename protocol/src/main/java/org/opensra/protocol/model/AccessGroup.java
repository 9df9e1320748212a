package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;

/** An access group of a testFailoverStart/failover request: initiators that need access (Table 11). */
public record AccessGroup(String id, List<Initiator> initiators) {
    public AccessGroup {
        Objects.requireNonNull(id, "id");
        initiators = List.copyOf(initiators);
    }
}
