package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.commands.CapabilityRules;
import org.opensra.adapter.commands.QueryInfoCommand;
import org.opensra.adapter.testing.Contexts;
import org.opensra.adapter.testing.TestDrivers;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Response;
import org.opensra.protocol.params.QueryCapabilitiesParameters;
import org.opensra.protocol.result.AdapterCapabilities;

class CommandRegistryTest {

    @Test
    @DisplayName("groups registered later are added only when a command outside the registered ones is asked for")
    void lateRegistration() {
        List<String> calls = new ArrayList<>();
        CommandRegistry registry = new CommandRegistry().register(CommandName.QUERY_INFO, new QueryInfoCommand());
        registry.later(r -> {
            calls.add("registered");
            r.register(CommandName.FAILOVER, new QueryInfoCommand());
        });
        assertThat(registry.handler(CommandName.QUERY_INFO)).isPresent();
        assertThat(calls).isEmpty();
        assertThat(registry.handler(CommandName.FAILOVER)).isPresent();
        assertThat(registry.handler(CommandName.SYNC_ONCE)).isEmpty();
        assertThat(registry.all()).containsOnlyKeys(CommandName.QUERY_INFO, CommandName.FAILOVER);
        assertThat(calls).containsExactly("registered");
    }

    @Test
    @DisplayName("CAP-3 CAP-5 the standard registry (property commands and workflows) declares every mandatory command")
    void standardRegistryIsComplete(@TempDir Path install) throws SraException {
        CommandRegistry registry = CommandRegistry.standard();
        var request = Contexts.request("queryCapabilities", new QueryCapabilitiesParameters());
        Response response = registry.handler(CommandName.QUERY_CAPABILITIES).orElseThrow()
                .handle(request, new Contexts(install).context(request, TestDrivers.embeddedLike()));
        AdapterCapabilities caps = (AdapterCapabilities) ((Response.Completed) response).result();
        assertThat(CapabilityRules.violations(caps)).isEmpty();
        assertThat(caps.commands()).extracting(c -> c.name()).containsAll(CapabilityRules.MANDATORY);
    }
}
