package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.GroupSnapshot;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.Snapshot;
import org.opensra.protocol.model.StoragePort;

/** testFailoverStart result (Table 11, TF-2): group snapshots and standalone device snapshots. */
public record TestFailoverStartResults(List<ItemResult<GroupSnapshot>> targetGroups,
                                       List<ItemResult<Snapshot>> targetDevices, List<InitiatorGroup> initiatorGroups,
                                       List<StoragePort> storagePorts) implements CommandResult {
    public TestFailoverStartResults {
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
        initiatorGroups = List.copyOf(initiatorGroups);
        storagePorts = List.copyOf(storagePorts);
        for (ItemResult<Snapshot> d : targetDevices) {
            if (d.success().map(s -> s.recoveryPoint().isEmpty()).orElse(false)) {
                throw new IllegalArgumentException("snapshot of " + d.ref() + " needs its RecoveryPoint (RP-3)");
            }
        }
    }

    @Override
    public CommandName command() {
        return CommandName.TEST_FAILOVER_START;
    }
}
