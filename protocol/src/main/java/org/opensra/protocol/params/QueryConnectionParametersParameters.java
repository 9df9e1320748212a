package org.opensra.protocol.params;

import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryConnectionParameters takes no parameters (Table 5). */
public record QueryConnectionParametersParameters() implements CommandParameters {
    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_CONNECTION_PARAMETERS);
    }
}
