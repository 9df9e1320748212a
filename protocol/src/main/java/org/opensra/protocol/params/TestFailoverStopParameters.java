package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** testFailoverStop: target groups and devices by key (Table 12, TF-7). */
public record TestFailoverStopParameters(String arrayId, List<String> targetGroups, List<String> targetDevices)
        implements CommandParameters, TargetSelection {
    public TestFailoverStopParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.TEST_FAILOVER_STOP);
    }
}
