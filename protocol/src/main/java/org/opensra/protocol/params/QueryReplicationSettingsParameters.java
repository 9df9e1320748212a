package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryReplicationSettings in source or target form (RS-1). */
public record QueryReplicationSettingsParameters(String arrayId, String peerArrayId, List<String> consistencyGroups,
                                                 List<String> sourceDevices, List<String> targetGroups,
                                                 List<String> targetDevices)
        implements CommandParameters, SourceOrTargetSelection {
    public QueryReplicationSettingsParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        Objects.requireNonNull(peerArrayId, "peerArrayId");
        consistencyGroups = List.copyOf(consistencyGroups);
        sourceDevices = List.copyOf(sourceDevices);
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
        SourceOrTargetSelection.requireOneForm(consistencyGroups, sourceDevices, targetGroups, targetDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_REPLICATION_SETTINGS);
    }
}
