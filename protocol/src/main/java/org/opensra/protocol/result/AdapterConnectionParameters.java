package org.opensra.protocol.result;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ConnectionDefinition;

/** queryConnectionParameters result (Table 5, CONN-1): one or more connection groups with unique ids. */
public record AdapterConnectionParameters(List<ConnectionDefinition> connections) implements CommandResult {
    public AdapterConnectionParameters {
        connections = List.copyOf(connections);
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("AdapterConnectionParameters needs at least one Connection");
        }
        Set<String> ids = new HashSet<>();
        for (ConnectionDefinition c : connections) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate connection id " + c.id());
            }
        }
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_CONNECTION_PARAMETERS;
    }
}
