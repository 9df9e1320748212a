package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only snapshot an operation keeps for a later reverse or restore: the pre-failover snapshot of
 * a source taken by {@link ArrayDriver#demote} (PF-4, REV-4) or the revert snapshot of a replica taken
 * by {@link ArrayDriver#promote} (FO-2, RES-3).
 *
 * @param id the snapshot's id on the array (logged as its name)
 * @param volumeId the volume it is a snapshot of
 * @param recoveryPoint the point in time it holds
 * @param parameters attributes used to create it (logged, Appendix A)
 */
public record ProtectiveSnapshot(String id, String volumeId, RecoveryPoint recoveryPoint,
                                 Map<String, String> parameters) {
    public ProtectiveSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
