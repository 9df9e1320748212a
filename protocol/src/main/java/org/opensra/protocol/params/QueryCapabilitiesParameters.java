package org.opensra.protocol.params;

import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryCapabilities takes no parameters (Table 4). */
public record QueryCapabilitiesParameters() implements CommandParameters {
    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_CAPABILITIES);
    }
}
