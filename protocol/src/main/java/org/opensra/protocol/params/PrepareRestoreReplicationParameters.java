package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** prepareRestoreReplication (Table 15, RES-1). */
public record PrepareRestoreReplicationParameters(String arrayId, String peerArrayId, List<SettingsItem> consistencyGroups,
                 List<SettingsItem> devices) implements CommandParameters, ReplicationChangeParameters {
    public PrepareRestoreReplicationParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        Objects.requireNonNull(peerArrayId, "peerArrayId");
        consistencyGroups = List.copyOf(consistencyGroups);
        devices = List.copyOf(devices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.PREPARE_RESTORE_REPLICATION);
    }
}
