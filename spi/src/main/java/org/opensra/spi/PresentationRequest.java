package org.opensra.spi;

import java.util.List;
import java.util.Objects;

/**
 * Present one volume (a test clone, a promoted replica or a source) to hosts. With
 * {@link Feature#DYNAMIC_ACCESS_RESTRICTION}, {@code initiators} are the hosts of the request's access
 * groups; an empty list means the array's configured default host access.
 */
public record PresentationRequest(String volumeId, List<Initiator> initiators) {
    public PresentationRequest {
        Objects.requireNonNull(volumeId, "volumeId");
        initiators = List.copyOf(initiators);
    }
}
