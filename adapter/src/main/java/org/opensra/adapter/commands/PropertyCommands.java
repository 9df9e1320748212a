package org.opensra.adapter.commands;

import org.opensra.adapter.CommandRegistry;
import org.opensra.protocol.CommandName;

/** Registers the five commands that describe the SRA itself (WF-1). */
public final class PropertyCommands {

    private PropertyCommands() {
    }

    public static void register(CommandRegistry registry) {
        registry.register(CommandName.QUERY_INFO, new QueryInfoCommand())
                .register(CommandName.QUERY_CAPABILITIES, new QueryCapabilitiesCommand(registry))
                .register(CommandName.QUERY_CONNECTION_PARAMETERS, new QueryConnectionParametersCommand())
                .register(CommandName.QUERY_STRINGS, new QueryStringsCommand())
                .register(CommandName.QUERY_ERROR_DEFINITIONS, new QueryErrorDefinitionsCommand());
    }
}
