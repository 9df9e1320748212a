package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryRecoveryPoints: target groups and devices by key (Table 10, RP-1). */
public record QueryRecoveryPointsParameters(String arrayId, List<String> targetGroups, List<String> targetDevices)
        implements CommandParameters, TargetSelection {
    public QueryRecoveryPointsParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_RECOVERY_POINTS);
    }
}
