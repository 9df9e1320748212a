package org.opensra.protocol.result;

import java.util.List;
import java.util.Objects;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.DeviceSync;

/** syncOnce / querySyncStatus result (Table 14) in source or target form. */
public record SyncResults(CommandName command, List<ItemResult<DeviceSync>> consistencyGroups,
                          List<ItemResult<DeviceSync>> sourceDevices, List<ItemResult<DeviceSync>> targetGroups,
                          List<ItemResult<DeviceSync>> targetDevices) implements CommandResult {
    public SyncResults {
        Objects.requireNonNull(command, "command");
        if (command != CommandName.SYNC_ONCE && command != CommandName.QUERY_SYNC_STATUS) {
            throw new IllegalArgumentException("SyncResults is for syncOnce or querySyncStatus, not " + command);
        }
        consistencyGroups = List.copyOf(consistencyGroups);
        sourceDevices = List.copyOf(sourceDevices);
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }
}
