package org.opensra.protocol.params;

import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryErrorDefinitions takes no parameters (Table 3). */
public record QueryErrorDefinitionsParameters() implements CommandParameters {
    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_ERROR_DEFINITIONS);
    }
}
