package org.opensra.protocol.params;

import java.util.Optional;
import org.opensra.protocol.CommandName;

/** discoverArrays takes only Connections (Table 6). */
public record DiscoverArraysParameters() implements CommandParameters {
    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.DISCOVER_ARRAYS);
    }
}
