package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ConsistencyGroup;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.SourceDevice;
import org.opensra.protocol.model.StoragePort;
import org.opensra.protocol.model.TargetDevice;
import org.opensra.protocol.model.TargetGroup;

/** discoverDevices result (Table 8, DD-1..DD-7). */
public record ReplicatedDevices(List<ConsistencyGroup> consistencyGroups, List<TargetGroup> targetGroups,
                                List<SourceDevice> sourceDevices, List<TargetDevice> targetDevices,
                                List<InitiatorGroup> initiatorGroups, List<StoragePort> storagePorts)
        implements CommandResult {
    public ReplicatedDevices {
        consistencyGroups = List.copyOf(consistencyGroups);
        targetGroups = List.copyOf(targetGroups);
        sourceDevices = List.copyOf(sourceDevices);
        targetDevices = List.copyOf(targetDevices);
        initiatorGroups = List.copyOf(initiatorGroups);
        storagePorts = List.copyOf(storagePorts);
    }

    @Override
    public CommandName command() {
        return CommandName.DISCOVER_DEVICES;
    }
}
