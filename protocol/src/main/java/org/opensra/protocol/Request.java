package org.opensra.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.params.CommandParameters;

/** A parsed request: envelope, connections (array commands, CONN-2) and typed parameters. */
public record Request(Envelope envelope, List<Connection> connections, CommandParameters parameters) {
    public Request {
        Objects.requireNonNull(envelope, "envelope");
        connections = List.copyOf(connections);
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.command().equals(envelope.command())) {
            throw new IllegalArgumentException("parameters " + parameters.getClass().getSimpleName()
                    + " do not belong to command " + envelope.name());
        }
    }

    /** The command, empty when its name is unknown. */
    public Optional<CommandName> command() {
        return envelope.command();
    }

    /** The first connection, the usual case. */
    public Optional<Connection> connection() {
        return connections.stream().findFirst();
    }

    /** The parameters as the given type, or an IllegalStateException naming the mismatch. */
    public <T extends CommandParameters> T parameters(Class<T> type) {
        if (!type.isInstance(parameters)) {
            throw new IllegalStateException("request " + envelope.name() + " has "
                    + parameters.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(parameters);
    }

    @Override
    public String toString() {
        return "Request[" + envelope + ", connections=" + connections + ", parameters=" + parameters + "]";
    }
}
