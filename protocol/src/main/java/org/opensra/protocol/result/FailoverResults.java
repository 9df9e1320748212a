package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.PromotedDevice;
import org.opensra.protocol.model.PromotedGroup;
import org.opensra.protocol.model.StoragePort;

/** failover result (Table 11, FO-2): promoted groups and devices. */
public record FailoverResults(List<ItemResult<PromotedGroup>> targetGroups,
                              List<ItemResult<PromotedDevice>> targetDevices, List<InitiatorGroup> initiatorGroups,
                              List<StoragePort> storagePorts) implements CommandResult {
    public FailoverResults {
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
        initiatorGroups = List.copyOf(initiatorGroups);
        storagePorts = List.copyOf(storagePorts);
    }

    @Override
    public CommandName command() {
        return CommandName.FAILOVER;
    }
}
