package org.opensra.adapter;

import java.util.Optional;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.spi.Feature;

/**
 * Runs a request's handler: an unknown command, a command without a handler, or one whose driver
 * ability is missing gets error 100 with the {@code <Command>} placeholder (INV-6); a handler's
 * {@link SraException} becomes the response's Error; anything unexpected becomes error 1000, with the
 * stack trace logged at trivia level only.
 */
public final class CommandDispatcher {
    private final CommandRegistry registry;

    public CommandDispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    public Response dispatch(Request request, CommandContext context) {
        String name = request.envelope().name();
        SraLog log = context.log();
        Optional<CommandName> command = request.command();
        if (command.isEmpty()) {
            log.error("Unknown command " + SraLog.quote(name));
            return notSupported(context, name);
        }
        Optional<CommandHandler> handler = registry.handler(command.get());
        if (handler.isEmpty()) {
            log.error("Command " + name + " is not implemented by this SRA");
            return notSupported(context, name);
        }
        try {
            Optional<Feature> needed = handler.get().requiredFeature();
            if (needed.isPresent() && !context.driver().description().has(needed.get())) {
                log.error("Command " + name + " needs the driver ability " + needed.get() + ", which driver "
                        + SraLog.quote(context.config().driverName()) + " does not have");
                return notSupported(context, name);
            }
            return handler.get().handle(request, context);
        } catch (SraException e) {
            log.error("Command " + name + " failed: " + e.getMessage());
            return Response.error(e.error());
        } catch (RuntimeException | LinkageError e) {
            log.failure("Command " + name + " failed with an internal error: " + e, e);
            return Response.error(context.errors().internal(log.scrub(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
        }
    }

    private static Response notSupported(CommandContext context, String name) {
        return Response.error(context.errors().error(ErrorCodes.COMMAND_NOT_SUPPORTED, name));
    }
}
