package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** prepareFailover: consistency groups and source devices by id (Table 13, PF-1). */
public record PrepareFailoverParameters(String arrayId, List<String> consistencyGroups, List<String> sourceDevices)
        implements CommandParameters {
    public PrepareFailoverParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        consistencyGroups = List.copyOf(consistencyGroups);
        sourceDevices = List.copyOf(sourceDevices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.PREPARE_FAILOVER);
    }
}
