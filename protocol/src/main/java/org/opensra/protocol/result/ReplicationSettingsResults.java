package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ReplicationSettings;

/** queryReplicationSettings result in source or target form (RS-1); element {@code <ReplicationSettings>}. */
public record ReplicationSettingsResults(List<ItemResult<ReplicationSettings>> consistencyGroups,
                                         List<ItemResult<ReplicationSettings>> sourceDevices,
                                         List<ItemResult<ReplicationSettings>> targetGroups,
                                         List<ItemResult<ReplicationSettings>> targetDevices)
        implements CommandResult {
    public ReplicationSettingsResults {
        consistencyGroups = List.copyOf(consistencyGroups);
        sourceDevices = List.copyOf(sourceDevices);
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_REPLICATION_SETTINGS;
    }
}
