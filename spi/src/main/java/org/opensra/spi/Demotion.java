package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ArrayDriver#demote} did for one source.
 *
 * @param changed false when it already was demoted (PF-2: no-op warning)
 * @param peerPromoted true when the peer replica had already been promoted (disaster order, PF-3)
 * @param snapshots the pre-failover snapshots taken before demotion (one per volume; the same ones on
 *     a repeat), kept for reverse and restore (PF-4); empty if the array takes none
 * @param details what was done (masking, access change), in the array's terms (logged)
 */
public record Demotion(boolean changed, boolean peerPromoted, List<ProtectiveSnapshot> snapshots,
                       Map<String, String> details) {
    public Demotion {
        snapshots = List.copyOf(snapshots);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
