package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** checkTestFailoverStart: target groups and devices by key (TF-1). */
public record CheckTestFailoverStartParameters(String arrayId, List<String> targetGroups, List<String> targetDevices)
        implements CommandParameters, TargetSelection {
    public CheckTestFailoverStartParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.CHECK_TEST_FAILOVER_START);
    }
}
