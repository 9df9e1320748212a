package org.opensra.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One array behind a management system and the arrays it replicates with (DA-1).
 *
 * @param id the array's unique, stable id
 * @param name a friendly name, if any
 * @param model the array model (a localisable vendor)
 * @param software replication software name and version
 * @param peerArrayIds ids of the arrays this one replicates to or from (at least one)
 */
public record ArrayInfo(String id, Optional<String> name, DriverDescription.ArrayModel model,
                        DriverDescription.Software software, List<String> peerArrayIds) {
    public ArrayInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(software, "software");
        peerArrayIds = List.copyOf(peerArrayIds);
    }
}
