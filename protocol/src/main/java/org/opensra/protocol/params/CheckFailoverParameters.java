package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** checkFailover: target groups and devices by key (FO-1). */
public record CheckFailoverParameters(String arrayId, List<String> targetGroups, List<String> targetDevices)
        implements CommandParameters, TargetSelection {
    public CheckFailoverParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.CHECK_FAILOVER);
    }
}
