package org.opensra.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensra.adapter.commands.PropertyCommands;
import org.opensra.adapter.workflow.WorkflowCommands;
import org.opensra.protocol.CommandName;

/**
 * Which {@link CommandHandler} answers which command. A command without a handler is not supported:
 * it gets error 100 and is not declared by queryCapabilities. Groups of handlers may be registered
 * {@link #later}: they are added the first time a command outside the registered ones, or the whole
 * list, is asked for, so that queryInfo never loads the array workflows (startup time).
 */
public final class CommandRegistry {
    /** Adds a group of handlers to a registry. */
    public interface Registration {
        void register(CommandRegistry registry);
    }

    private final Map<CommandName, CommandHandler> handlers = new EnumMap<>(CommandName.class);
    private final List<Registration> pending = new ArrayList<>();

    /** The registry of the SRA: the five property commands, and the 17 array commands' workflows on demand. */
    public static CommandRegistry standard() {
        CommandRegistry registry = new CommandRegistry();
        PropertyCommands.register(registry);
        registry.later(new Workflows());
        return registry;
    }

    /** Registers (or replaces) the handler of a command. */
    public synchronized CommandRegistry register(CommandName command, CommandHandler handler) {
        handlers.put(Objects.requireNonNull(command, "command"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Adds a group of handlers when first needed. */
    public synchronized CommandRegistry later(Registration registration) {
        pending.add(Objects.requireNonNull(registration, "registration"));
        return this;
    }

    public synchronized Optional<CommandHandler> handler(CommandName command) {
        CommandHandler handler = handlers.get(command);
        if (handler == null && !pending.isEmpty()) {
            complete();
            handler = handlers.get(command);
        }
        return Optional.ofNullable(handler);
    }

    /** Every registered command in the order of {@link CommandName}. */
    public synchronized Map<CommandName, CommandHandler> all() {
        complete();
        return Collections.unmodifiableMap(new EnumMap<>(handlers));
    }

    private void complete() {
        while (!pending.isEmpty()) {
            pending.remove(0).register(this);
        }
    }

    /** The workflow helper's registration of the array commands. */
    private static final class Workflows implements Registration {
        @Override
        public void register(CommandRegistry registry) {
            WorkflowCommands.register(registry);
        }
    }
}
