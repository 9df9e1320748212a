package org.opensra.adapter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensra.protocol.CommandName.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.CommandRegistry;
import org.opensra.adapter.SraException;
import org.opensra.adapter.testing.Contexts;
import org.opensra.adapter.testing.FakeArrayCommands;
import org.opensra.adapter.testing.TestDrivers;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.Response;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.CustomPropertyDefinition;
import org.opensra.protocol.model.ExecutionLocation;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.LocalizedText;
import org.opensra.protocol.model.Protocol;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.params.QueryCapabilitiesParameters;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.ExecutionModel;
import org.opensra.spi.Feature;

class CapabilitiesTest {
    @TempDir
    Path install;

    private AdapterCapabilities capabilities(CommandRegistry registry, DriverDescription driver) throws SraException {
        Contexts contexts = new Contexts(install);
        Response response = new QueryCapabilitiesCommand(registry).handle(
                Contexts.request("queryCapabilities", new QueryCapabilitiesParameters()),
                contexts.context(Contexts.request("queryCapabilities", new QueryCapabilitiesParameters()), driver));
        return (AdapterCapabilities) ((Response.Completed) response).result();
    }

    private static Optional<CommandCapability> command(AdapterCapabilities caps, CommandName name) {
        return caps.commands().stream().filter(c -> c.name() == name).findFirst();
    }

    @Test
    @DisplayName("CAP-1 CAP-2 CAP-6 LOC-3 the embedded-like driver gives software, models, features and all 22 commands")
    void fullDriver() throws SraException {
        AdapterCapabilities caps = capabilities(FakeArrayCommands.registry(), TestDrivers.embeddedLike());
        assertThat(caps.replicationSoftwares()).containsExactly(new ReplicationSoftware("OpenSRA replication", "1.0"));
        assertThat(caps.arrayModels()).containsExactly(new ArrayModel("OpenSRA embedded array",
                LocalizedText.of("OpenSRA project", "EmbeddedArrayVendor")));
        Features f = caps.features();
        assertThat(f.multiArrayDiscovery()).isTrue();
        assertThat(f.consistencyGroups()).isTrue();
        assertThat(f.dynamicAccessRestriction()).isTrue();
        assertThat(f.oneLunPerIScsiTarget()).isTrue();
        assertThat(f.deviceIdentification().orElseThrow().wireName()).isEqualTo("wwn");
        assertThat(f.protocols()).containsExactly(Protocol.FC, Protocol.ISCSI);
        assertThat(caps.commands()).extracting(CommandCapability::name).containsExactly(CommandName.values());
        assertThat(command(caps, QUERY_STRINGS).orElseThrow().locales()).containsExactly("en", "de", "fr", "ja", "zh-CN");
        assertThat(command(caps, QUERY_DEVICE_DETAILS).orElseThrow().customProperties())
                .extracting(CustomPropertyDefinition::name)
                .containsExactly("capacity", "wwn", "replicationMode", "rpoSeconds", "lastSync", "recoveryPoints");
        assertThat(command(caps, QUERY_DEVICE_DETAILS).orElseThrow().customProperties().get(0).label())
                .isEqualTo(LocalizedText.of("Capacity (bytes)", "EmbeddedPropertyCapacity"));
        assertThat(CapabilityRules.violations(caps)).isEmpty();
    }

    @Test
    @DisplayName("CAP-3 CAP-4 CAP-5 hold for every combination of optional features and execution models")
    void rulesHoldForEveryDriver() throws SraException {
        List<Feature> optional = List.of(Feature.SYNC, Feature.CHECKS, Feature.RECOVERY_POINTS,
                Feature.DEVICE_DETAILS, Feature.REPLICATION_SETTINGS);
        org.opensra.spi.ExecutionLocation[] locations = org.opensra.spi.ExecutionLocation.values();
        int combinations = 0;
        int refused = 0;
        for (int mask = 0; mask < 1 << optional.size(); mask++) {
            Set<Feature> features = EnumSet.of(Feature.CONSISTENCY_GROUPS);
            for (int i = 0; i < optional.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    features.add(optional.get(i));
                }
            }
            for (org.opensra.spi.ExecutionLocation sync : locations) {
                for (org.opensra.spi.ExecutionLocation reverse : locations) {
                    for (org.opensra.spi.ExecutionLocation restore : locations) {
                        for (int prepare = 0; prepare < 4; prepare++) {
                            ExecutionModel model = new ExecutionModel(sync, reverse, (prepare & 1) != 0, restore,
                                    (prepare & 2) != 0);
                            combinations++;
                            DriverDescription driver = TestDrivers.description(features, model);
                            if (restore == org.opensra.spi.ExecutionLocation.TARGET && !model.prepareRestoreReplication()) {
                                assertThatThrownBy(() -> capabilities(FakeArrayCommands.registry(), driver))
                                        .isInstanceOf(SraException.class)
                                        .satisfies(e -> assertThat(((Message.Predefined) ((SraException) e).error()).code())
                                                .isEqualTo(1016));
                                refused++;
                                continue;
                            }
                            AdapterCapabilities caps = capabilities(FakeArrayCommands.registry(), driver);
                            assertThat(CapabilityRules.violations(caps)).as(features + " " + model).isEmpty();
                            checkDeclared(caps, features, model);
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(32 * 32);
        assertThat(refused).isEqualTo(32 * 8);
    }

    private static void checkDeclared(AdapterCapabilities caps, Set<Feature> features, ExecutionModel model) {
        for (CommandName name : FakeArrayCommands.NEEDS.keySet()) {
            assertThat(command(caps, name)).as(name + " with " + features)
                    .matches(c -> c.isPresent() == features.contains(FakeArrayCommands.NEEDS.get(name)));
        }
        assertThat(command(caps, PREPARE_REVERSE_REPLICATION).isPresent()).isEqualTo(model.prepareReverseReplication());
        assertThat(command(caps, PREPARE_RESTORE_REPLICATION).isPresent()).isEqualTo(model.prepareRestoreReplication());
        assertThat(command(caps, REVERSE_REPLICATION).orElseThrow().executionLocation().orElseThrow().wireName())
                .isEqualTo(model.reverseReplication().wireName());
        assertThat(command(caps, RESTORE_REPLICATION).orElseThrow().executionLocation().orElseThrow().wireName())
                .isEqualTo(model.restoreReplication().wireName());
        command(caps, SYNC_ONCE).ifPresent(c -> assertThat(c.executionLocation().orElseThrow().wireName())
                .isEqualTo(model.syncOnce().wireName()));
        for (CommandCapability c : caps.commands()) {
            if (!CapabilityRules.LOCATED.contains(c.name())) {
                assertThat(c.executionLocation()).as("CAP-4 " + c.name()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("CAP-5 syncOnce is not declared without querySyncStatus, and not the other way round")
    void syncPairDeclaredTogether() throws SraException {
        CommandRegistry registry = FakeArrayCommands.registry();
        registry.register(QUERY_SYNC_STATUS, new QueryInfoCommand()); // needs nothing, syncOnce needs SYNC
        AdapterCapabilities caps = capabilities(registry, TestDrivers.description(
                EnumSet.of(Feature.CHECKS), ExecutionModel.defaults()));
        assertThat(command(caps, SYNC_ONCE)).isEmpty();
        assertThat(command(caps, QUERY_SYNC_STATUS)).isEmpty();
        assertThat(CapabilityRules.violations(caps)).isEmpty();
    }

    @Test
    @DisplayName("CAP-3 a registry without the array commands is reported as missing mandatory commands")
    void missingMandatoryCommandsAreReported(@TempDir Path dir) throws SraException {
        CommandRegistry registry = new CommandRegistry();
        PropertyCommands.register(registry);
        Contexts contexts = new Contexts(dir);
        var request = Contexts.request("queryCapabilities", new QueryCapabilitiesParameters());
        Response response = new QueryCapabilitiesCommand(registry).handle(request,
                contexts.context(request, TestDrivers.embeddedLike()));
        AdapterCapabilities caps = (AdapterCapabilities) ((Response.Completed) response).result();
        assertThat(CapabilityRules.violations(caps)).contains("CAP-3: mandatory command discoverArrays missing");
        assertThat(contexts.log()).contains("[warning] CAP-3: mandatory command failover missing");
    }

    @Test
    @DisplayName("CAP-3 CAP-4 CAP-5 CAP-6 LOC-3 the rule checker reports each broken rule")
    void checkerFindsEveryBrokenRule() {
        List<CommandCapability> good = new ArrayList<>();
        for (CommandName name : CapabilityRules.MANDATORY) {
            good.add(CommandCapability.of(name));
        }
        assertThat(CapabilityRules.violations(caps(good))).isEmpty();

        assertThat(CapabilityRules.violations(caps(without(good, FAILOVER))))
                .containsExactly("CAP-3: mandatory command failover missing");
        assertThat(CapabilityRules.violations(caps(with(good, CommandCapability.at(FAILOVER, ExecutionLocation.TARGET)))))
                .contains("CAP-4: ExecutionLocation on failover");
        assertThat(CapabilityRules.violations(caps(with(good, CommandCapability.of(SYNC_ONCE)))))
                .containsExactly("CAP-5: syncOnce and querySyncStatus must be declared together");
        assertThat(CapabilityRules.violations(caps(with(good, CommandCapability.of(QUERY_SYNC_STATUS)))))
                .containsExactly("CAP-5: syncOnce and querySyncStatus must be declared together");
        assertThat(CapabilityRules.violations(caps(with(without(good, REVERSE_REPLICATION),
                CommandCapability.of(PREPARE_REVERSE_REPLICATION)))))
                .contains("CAP-5: prepareReverseReplication without reverseReplication");
        assertThat(CapabilityRules.violations(caps(with(without(good, RESTORE_REPLICATION),
                CommandCapability.of(PREPARE_RESTORE_REPLICATION)))))
                .contains("CAP-5: prepareRestoreReplication without restoreReplication");
        assertThat(CapabilityRules.violations(caps(with(without(good, RESTORE_REPLICATION),
                CommandCapability.at(RESTORE_REPLICATION, ExecutionLocation.TARGET)))))
                .containsExactly("CAP-5: restoreReplication at the target without prepareRestoreReplication");
        assertThat(CapabilityRules.violations(caps(with(good, CommandCapability.of(QUERY_STRINGS)))))
                .containsExactly("LOC-3: queryStrings without Locales");
        assertThat(CapabilityRules.violations(caps(with(good, CommandCapability.of(QUERY_DEVICE_DETAILS)))))
                .containsExactly("CAP-6: queryDeviceDetails without CustomProperties");
    }

    private static AdapterCapabilities caps(List<CommandCapability> commands) {
        return new AdapterCapabilities(List.of(new ReplicationSoftware("r", "1")),
                List.of(new ArrayModel("m", LocalizedText.of("v"))),
                new Features(false, false, false, Optional.empty(), List.of(Protocol.FC), Optional.empty(), false),
                commands);
    }

    private static List<CommandCapability> without(List<CommandCapability> list, CommandName name) {
        List<CommandCapability> copy = new ArrayList<>(list);
        copy.removeIf(c -> c.name() == name);
        return copy;
    }

    private static List<CommandCapability> with(List<CommandCapability> list, CommandCapability extra) {
        List<CommandCapability> copy = new ArrayList<>(list);
        copy.add(extra);
        return copy;
    }
}
