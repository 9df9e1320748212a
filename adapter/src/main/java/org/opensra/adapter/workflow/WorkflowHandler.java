package org.opensra.adapter.workflow;

import java.util.Optional;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.DeadlineAnswer;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.SraException;
import org.opensra.protocol.Connection;
import org.opensra.protocol.Message;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.result.CommandResult;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;

/**
 * The command handler of an array command: opens a driver session with the request's connection
 * (CONN-2), builds the {@link WorkflowContext} (device-name filter CONN-3, progress, log) and runs the
 * command's workflow. The session is bounded by the command's deadline (INV-3): the driver gets it,
 * and every driver call started after it fails at once, so each unfinished item gets error 1019. A failure of the whole command (unreachable array, refused credentials, unknown
 * array) becomes the response's single Error.
 */
final class WorkflowHandler<P extends CommandParameters> implements CommandHandler {

    @FunctionalInterface
    interface Body<P> {
        CommandResult run(P params, WorkflowContext ctx) throws WorkflowException;
    }

    private final Class<P> type;
    private final Optional<org.opensra.spi.Feature> feature;
    private final Body<P> body;

    WorkflowHandler(Class<P> type, Optional<org.opensra.spi.Feature> feature, Body<P> body) {
        this.type = type;
        this.feature = feature;
        this.body = body;
    }

    @Override
    public Optional<org.opensra.spi.Feature> requiredFeature() {
        return feature;
    }

    @Override
    public Response handle(Request request, CommandContext context) throws SraException {
        P params = request.parameters(type);
        ArrayDriverFactory factory = context.driver();
        Connection connection = connection(request, factory);
        String address = connection.address("managementAddress")
                .or(() -> connection.addresses().values().stream().findFirst()).orElse("(no address)");
        DeviceFilter filter = DeviceFilter.fromOpaques(connection.opaques());
        context.progress().report(0);
        try (ArrayDriver driver = new DeadlineDriver(factory.open(CommandContext.toDriver(connection),
                context.deadline()), context.deadline())) {
            WorkflowContext ctx = new WorkflowContext(driver, factory.description(), context.log(), filter,
                    context.progress()::report, address);
            CommandResult result = body.run(params, ctx);
            context.progress().report(100);
            return Response.of(result);
        } catch (DriverException e) {
            context.log().error("Cannot open a session on the array management system " + Names.one(address)
                    + ": " + e.getMessage());
            if (e.error() == DriverError.DEADLINE_REACHED) {
                return deadlineReached(request, context, Errors.fromDriver(e.failure(), address), e);
            }
            throw new SraException(Errors.fromDriver(e.failure(), address), e.getMessage(), e);
        } catch (WorkflowException e) {
            context.log().error(request.envelope().name() + " failed: " + e.getMessage());
            return deadlineReached(request, context, e.error(), e);
        }
    }

    /**
     * A command failing as a whole with {@code error}: when that is the deadline (1019), each requested
     * item gets its own error 1019 instead (RESP-1), as none of them was done.
     */
    private static Response deadlineReached(Request request, CommandContext context, Message error, Exception cause)
            throws SraException {
        if (error instanceof Message.Predefined p && p.code() == ErrorCodes.COMMAND_DEADLINE_REACHED
                && request.command().isPresent()) {
            Optional<CommandResult> items = DeadlineAnswer.allItemsFailed(request.command().get(), request.parameters(),
                    context.deadline().seconds());
            if (items.isPresent()) {
                context.log().error("The command deadline was reached before any item was done;"
                        + " every item is answered with error " + ErrorCodes.COMMAND_DEADLINE_REACHED);
                return Response.of(items.get());
            }
        }
        throw new SraException(error, cause.getMessage(), cause);
    }

    /** The connection of the driver's first connection group, else the first one; error 1010 when none. */
    private static Connection connection(Request request, ArrayDriverFactory factory) throws SraException {
        String wanted = factory.description().connections().get(0).id();
        Optional<Connection> match = request.connections().stream().filter(c -> c.id().equals(wanted)).findFirst();
        Optional<Connection> chosen = match.or(request::connection);
        if (chosen.isEmpty()) {
            Message error = Message.predefined(ErrorCodes.MISSING_CONNECTION_PARAMETER, "Parameter", "Connection " + wanted);
            throw new SraException(error, "the request has no Connections");
        }
        return chosen.get();
    }
}
