package org.opensra.adapter.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.CommandRegistry;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.SraException;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.spi.DriverDescription;

/**
 * queryCapabilities (CAP-1..CAP-6, LOC-3): built from the registry and the configured driver's
 * description, never hard-coded. A driver whose execution model breaks a rule that cannot be fixed by
 * leaving commands out (restoreReplication at the target without prepareRestoreReplication) is
 * misconfigured: error 1016. Any other broken rule (e.g. a mandatory command without a handler) is
 * logged as a warning.
 */
public final class QueryCapabilitiesCommand implements CommandHandler {
    private final CommandRegistry registry;

    public QueryCapabilitiesCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response handle(Request request, CommandContext context) throws SraException {
        DriverDescription driver = context.driver().description();
        List<String> notes = new ArrayList<>();
        Set<CommandName> commands = CapabilitiesBuilder.declared(registry.all(), driver, notes);
        for (String note : notes) {
            context.log().verbose(note);
        }
        AdapterCapabilities capabilities = CapabilitiesBuilder.build(commands, driver);
        for (String problem : CapabilityRules.violations(capabilities)) {
            if (problem.startsWith("CAP-5")) {
                String name = context.config().driverName();
                context.log().error("Driver " + name + ": " + problem);
                throw new SraException(context.errors().error(ErrorCodes.DRIVER_NOT_AVAILABLE, name), problem);
            }
            context.log().warning(problem);
        }
        context.log().verbose("Declared commands: " + commands);
        return Response.of(capabilities);
    }
}
