package org.opensra.adapter.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.SraException;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.model.ConnectionDefinition;
import org.opensra.protocol.model.ParameterDefinition;
import org.opensra.protocol.model.Prompt;
import org.opensra.protocol.result.AdapterConnectionParameters;
import org.opensra.spi.ConnectionSpec;
import org.opensra.spi.LocalizedText;

/**
 * queryConnectionParameters (CONN-1): the configured driver's connection groups, as its
 * DriverDescription declares them. A driver text longer than the spec allows (Title 64, Hint 256
 * characters) is a misconfigured driver (error 1016), never a truncated text.
 */
public final class QueryConnectionParametersCommand implements CommandHandler {

    @Override
    public Response handle(Request request, CommandContext context) throws SraException {
        List<ConnectionSpec> specs = context.driver().description().connections();
        List<ConnectionDefinition> connections = new ArrayList<>(specs.size());
        try {
            for (ConnectionSpec spec : specs) {
                connections.add(definition(spec));
            }
            return Response.of(new AdapterConnectionParameters(connections));
        } catch (IllegalArgumentException e) {
            String driver = context.config().driverName();
            context.log().error("Driver " + driver + " declares invalid connection parameters: " + e.getMessage());
            throw new SraException(context.errors().error(ErrorCodes.DRIVER_NOT_AVAILABLE, driver),
                    "invalid connection parameters", e);
        }
    }

    static ConnectionDefinition definition(ConnectionSpec spec) {
        List<ParameterDefinition> addresses = new ArrayList<>();
        for (ConnectionSpec.Parameter a : spec.addresses()) {
            addresses.add(new ParameterDefinition(a.id(), prompt(a.title(), a.hint()), false));
        }
        List<ParameterDefinition> opaques = new ArrayList<>();
        for (ConnectionSpec.Parameter o : spec.opaques()) {
            opaques.add(new ParameterDefinition(o.id(), prompt(o.title(), o.hint()), o.optional()));
        }
        return new ConnectionDefinition(spec.id(), prompt(spec.title(), spec.hint()), addresses,
                credential(spec.username()), credential(spec.password()), opaques);
    }

    private static Optional<Prompt> credential(ConnectionSpec.Parameter parameter) {
        return parameter == null ? Optional.empty() : Optional.of(prompt(parameter.title(), parameter.hint()));
    }

    /** Title and Hint; a parameter without a hint repeats its title (the tables require a Hint). */
    private static Prompt prompt(LocalizedText title, LocalizedText hint) {
        return new Prompt(Texts.wire(title), Texts.wire(hint == null ? title : hint));
    }
}
