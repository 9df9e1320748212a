package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ArrayDriver#promote} did for one replica.
 *
 * @param changed false when it was already promoted (FO-3: same result, warning)
 * @param promotedGroupId the promoted group id, for a group
 * @param promotedVolumeIds replica volume id -> promoted volume id (one entry for a volume, one per
 *     member for a group)
 * @param recoveryPoint the point in time the promoted data is from (RP-3)
 * @param replicationStop how replication into the replica was stopped (e.g. {@code suspended per
 *     pair}), logged as the suspension step
 * @param revertSnapshots the snapshots of the replica taken before it was made writable (FO-2)
 * @param parameters attributes of the promoted volumes (logged)
 */
public record Promotion(boolean changed, Optional<String> promotedGroupId, Map<String, String> promotedVolumeIds,
                        RecoveryPoint recoveryPoint, String replicationStop, List<ProtectiveSnapshot> revertSnapshots,
                        Map<String, String> parameters) {
    public Promotion {
        Objects.requireNonNull(promotedGroupId, "promotedGroupId");
        promotedVolumeIds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(promotedVolumeIds));
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        Objects.requireNonNull(replicationStop, "replicationStop");
        revertSnapshots = List.copyOf(revertSnapshots);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
