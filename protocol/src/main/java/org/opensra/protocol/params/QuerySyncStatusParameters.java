package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** querySyncStatus in source or target form, each item with its syncId (SYNC-3, SYNC-4). */
public record QuerySyncStatusParameters(String arrayId, String peerArrayId, List<SyncRef> consistencyGroups,
                                        List<SyncRef> sourceDevices, List<SyncRef> targetGroups,
                                        List<SyncRef> targetDevices) implements CommandParameters {
    public QuerySyncStatusParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        Objects.requireNonNull(peerArrayId, "peerArrayId");
        consistencyGroups = List.copyOf(consistencyGroups);
        sourceDevices = List.copyOf(sourceDevices);
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
        if ((!consistencyGroups.isEmpty() || !sourceDevices.isEmpty())
                && (!targetGroups.isEmpty() || !targetDevices.isEmpty())) {
            throw new IllegalArgumentException(
                    "source form (ConsistencyGroups/SourceDevices) and target form (TargetGroups/TargetDevices) mixed");
        }
    }

    public boolean isTargetForm() {
        return !targetGroups.isEmpty() || !targetDevices.isEmpty();
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_SYNC_STATUS);
    }
}
