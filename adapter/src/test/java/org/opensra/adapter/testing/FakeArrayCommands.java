package org.opensra.adapter.testing;

import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.CommandRegistry;
import org.opensra.adapter.commands.PropertyCommands;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.spi.Feature;

/**
 * A registry with the five property commands and a stand-in handler for each of the 17 array commands,
 * needing the Feature the real workflow would: capabilities can be tested apart from the workflows.
 */
public final class FakeArrayCommands {
    public static final Map<CommandName, Feature> NEEDS = Map.of(
            CommandName.SYNC_ONCE, Feature.SYNC,
            CommandName.QUERY_SYNC_STATUS, Feature.SYNC,
            CommandName.CHECK_TEST_FAILOVER_START, Feature.CHECKS,
            CommandName.CHECK_FAILOVER, Feature.CHECKS,
            CommandName.QUERY_RECOVERY_POINTS, Feature.RECOVERY_POINTS,
            CommandName.QUERY_DEVICE_DETAILS, Feature.DEVICE_DETAILS,
            CommandName.QUERY_REPLICATION_SETTINGS, Feature.REPLICATION_SETTINGS);

    private FakeArrayCommands() {
    }

    public static CommandRegistry registry() {
        CommandRegistry registry = new CommandRegistry();
        PropertyCommands.register(registry);
        for (CommandName name : CommandName.values()) {
            if (name.isArrayCommand()) {
                registry.register(name, new StandIn(Optional.ofNullable(NEEDS.get(name))));
            }
        }
        return registry;
    }

    private static final class StandIn implements CommandHandler {
        private final Optional<Feature> needs;

        StandIn(Optional<Feature> needs) {
            this.needs = needs;
        }

        @Override
        public Response handle(Request request, CommandContext context) {
            throw new UnsupportedOperationException("stand-in for " + request.envelope().name());
        }

        @Override
        public Optional<Feature> requiredFeature() {
            return needs;
        }
    }
}
