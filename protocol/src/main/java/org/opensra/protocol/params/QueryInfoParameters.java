package org.opensra.protocol.params;

import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryInfo takes no parameters (Table 1). */
public record QueryInfoParameters() implements CommandParameters {
    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_INFO);
    }
}
