package org.opensra.protocol.result;

import java.util.List;
import java.util.Objects;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.ReplicationSoftware;

/** queryCapabilities result (Table 4, CAP-1). */
public record AdapterCapabilities(List<ReplicationSoftware> replicationSoftwares, List<ArrayModel> arrayModels,
                                  Features features, List<CommandCapability> commands) implements CommandResult {
    public AdapterCapabilities {
        replicationSoftwares = List.copyOf(replicationSoftwares);
        arrayModels = List.copyOf(arrayModels);
        Objects.requireNonNull(features, "features");
        commands = List.copyOf(commands);
        if (replicationSoftwares.isEmpty() || arrayModels.isEmpty() || commands.isEmpty()) {
            throw new IllegalArgumentException(
                    "AdapterCapabilities needs at least one ReplicationSoftware, ArrayModel and Command (Table 4)");
        }
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_CAPABILITIES;
    }
}
