package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An array of discoverArrays (Table 6, DA-1). */
public record StorageArray(String id, Optional<String> name, ArrayModel model, ReplicationSoftware replicationSoftware,
                           List<String> peerArrays) {
    public StorageArray {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(replicationSoftware, "replicationSoftware");
        peerArrays = List.copyOf(peerArrays);
        if (peerArrays.isEmpty()) {
            throw new IllegalArgumentException("array " + id + " needs at least one PeerArray (Table 6)");
        }
    }
}
