package org.opensra.spi;

import java.util.List;
import java.util.Objects;

/** An array initiator group: initiators that all see a volume under the same LUN (DD-7). */
public record InitiatorGroup(String id, List<Initiator> initiators) {
    public InitiatorGroup {
        Objects.requireNonNull(id, "id");
        initiators = List.copyOf(initiators);
    }
}
