package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.AccessGroup;

/** failover: targets, recovery points and access groups (Table 11, FO-2). */
public record FailoverParameters(String arrayId, List<AccessGroup> accessGroups, List<TargetGroupRequest> targetGroups,
                 List<TargetDeviceRequest> targetDevices) implements CommandParameters, RecoveryParameters {
    public FailoverParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        accessGroups = List.copyOf(accessGroups);
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.FAILOVER);
    }
}
