package org.opensra.protocol.params;

import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** A request whose command name is not one of the 22 (the adapter answers error 100, INV-6). */
public record UnsupportedCommandParameters(String name) implements CommandParameters {
    public UnsupportedCommandParameters {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.empty();
    }
}
