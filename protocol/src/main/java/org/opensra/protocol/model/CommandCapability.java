package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** A supported command of queryCapabilities with its locales, execution location and custom properties. */
public record CommandCapability(CommandName name, List<String> locales, Optional<ExecutionLocation> executionLocation,
                                List<CustomPropertyDefinition> customProperties) {
    public CommandCapability {
        Objects.requireNonNull(name, "name");
        locales = List.copyOf(locales);
        Objects.requireNonNull(executionLocation, "executionLocation");
        customProperties = List.copyOf(customProperties);
    }

    public static CommandCapability of(CommandName name) {
        return new CommandCapability(name, List.of(), Optional.empty(), List.of());
    }

    public static CommandCapability at(CommandName name, ExecutionLocation location) {
        return new CommandCapability(name, List.of(), Optional.of(location), List.of());
    }
}
