package org.opensra.adapter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensra.adapter.commands.PropertyCommands;
import org.opensra.adapter.workflow.WorkflowCommands;
import org.opensra.protocol.CommandName;

/**
 * Which {@link CommandHandler} answers which command. A command without a handler is not supported:
 * it gets error 100 and is not declared by queryCapabilities.
 */
public final class CommandRegistry {
    private final Map<CommandName, CommandHandler> handlers = new EnumMap<>(CommandName.class);

    /** The registry of the SRA: the five property commands and the array commands of the workflows. */
    public static CommandRegistry standard() {
        CommandRegistry registry = new CommandRegistry();
        PropertyCommands.register(registry);
        WorkflowCommands.register(registry);
        return registry;
    }

    /** Registers (or replaces) the handler of a command. */
    public CommandRegistry register(CommandName command, CommandHandler handler) {
        handlers.put(Objects.requireNonNull(command, "command"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    public Optional<CommandHandler> handler(CommandName command) {
        return Optional.ofNullable(handlers.get(command));
    }

    /** The registered commands in the order of {@link CommandName}. */
    public Map<CommandName, CommandHandler> all() {
        return Collections.unmodifiableMap(handlers);
    }
}
