package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensra.adapter.workflow.Harness.code;
import static org.opensra.adapter.workflow.Harness.item;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandRegistry;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.Progress;
import org.opensra.adapter.SraException;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Connection;
import org.opensra.protocol.Envelope;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.result.ReplicatedDevices;
import org.opensra.protocol.result.TestFailoverStartResults;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;
import org.opensra.spi.Feature;
import org.opensra.spi.Outcome;

class SharedRulesTest {

    @Test
    @DisplayName("RESP-1 every requested id appears exactly once in request order; a missing result becomes error 1000")
    void completeness() {
        ItemResults<String> results = new ItemResults<>(List.of("b", "a", "b", "c"));
        results.put("a", ItemResult.success("A"));
        results.fail("b", Errors.unknownKey("b"));
        results.put("b", ItemResult.success("late"));
        assertThat(results.requested()).containsExactly("b", "a", "c");
        Map<String, ItemResult<String>> done = results.complete();
        assertThat(done.keySet()).containsExactly("b", "a", "c");
        assertThat(done.get("b").isSuccess()).isFalse();
        assertThat(((Message.Predefined) ((ItemResult.Failure<String>) done.get("c")).error()).code())
                .isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(results.toProtocol()).extracting(r -> r.ref()).containsExactly("b", "a", "c");
        assertThatThrownBy(() -> results.put("x", ItemResult.success("X"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("RESP-1 a batch answers every item: omitted by the driver is 1008, a failed call fails every item")
    void batch() {
        Map<String, ItemResult<String>> partial = Batch.run(List.of("x", "y"),
                items -> Map.of("x", Outcome.done("ok")), id -> id);
        assertThat(partial.get("x").isSuccess()).isTrue();
        assertThat(((Message.Predefined) ((ItemResult.Failure<String>) partial.get("y")).error()).code())
                .isEqualTo(ErrorCodes.OPERATION_FAILED);
        Map<String, ItemResult<String>> down = Batch.run(List.of("x", "y"), items -> {
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", "h:1"), "down");
        }, id -> id);
        assertThat(down.values()).allSatisfy(r -> assertThat(((Message.Predefined) ((ItemResult.Failure<String>) r).error())
                .code()).isEqualTo(ErrorCodes.ARRAY_UNREACHABLE));
    }

    @Test
    @DisplayName("every DriverError maps to a defined code with all its placeholders, missing ones naming the object")
    void errorMapping() {
        for (DriverError error : DriverError.values()) {
            Message.Predefined m = (Message.Predefined) Errors.fromDriver(new DriverFailure(error, Map.of(), "why"), "obj-1");
            assertThat(m.code()).isBetween(1000, 1999);
            assertThat(m.placeholders()).isNotEmpty().allSatisfy(p -> assertThat(p.value()).isNotBlank());
        }
        Message.Predefined wrong = (Message.Predefined) Errors.fromDriver(
                DriverFailure.of(DriverError.WRONG_STATE, "no", "State", "read-only"), "v9");
        assertThat(wrong.value("Object")).contains("v9");
        assertThat(wrong.value("State")).contains("read-only");
        assertThat(Errors.code(DriverError.TEST_COPY_EXISTS)).isEqualTo(ErrorCodes.TEST_FAILOVER_RUNNING);
    }

    @Test
    @DisplayName("CONN-3 the filter matches name prefixes; blank means no filter; it is described for logs")
    void filter() {
        assertThat(DeviceFilter.fromOpaques(Map.of("deviceNamePrefix", " prod-")).accepts("prod-1")).isTrue();
        assertThat(DeviceFilter.prefix("prod-").accepts("test-1")).isFalse();
        assertThat(DeviceFilter.fromOpaques(Map.of("deviceNamePrefix", "  ")).accepts("anything")).isTrue();
        assertThat(DeviceFilter.none().describe()).isEqualTo("none");
    }

    @Test
    @DisplayName("RS-2 settings blobs round-trip; DTDs and foreign elements are refused as invalid, not fatal")
    void settingsCodec() {
        org.opensra.spi.ReplicationSettings s = new org.opensra.spi.ReplicationSettings(Map.of("mode", "a<b&\"c\""));
        assertThat(SettingsCodec.decode(SettingsCodec.encode(s))).isEqualTo(s);
        assertThatThrownBy(() -> SettingsCodec.decode(new ReplicationSettings(
                "<ReplicationSettings><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Setting name=\"a\" value=\"&e;\"/></ReplicationSettings>")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingsCodec.decode(ReplicationSettings.ofContent("<Other/>")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("INV-7 concurrent testFailoverStart on the same replica: exactly one copy, the others get 1011")
    void concurrency() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestFailoverStartResults>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<TestFailoverStartResults> run = () -> new TestFailoverStartWorkflow().run(
                        new TestFailoverStartParameters("array-b", List.of(), List.of(), List.of(TargetDeviceRequest.of("r1"))),
                        new Harness(fabric, "array-b").ctx());
                futures.add(pool.submit(run));
            }
            int ok = 0;
            for (Future<TestFailoverStartResults> f : futures) {
                var r = item(f.get(60, TimeUnit.SECONDS).targetDevices(), "r1");
                if (r.success().isPresent()) {
                    ok++;
                } else {
                    assertThat(code(r)).isEqualTo(ErrorCodes.TEST_FAILOVER_RUNNING);
                }
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the 17 array commands are registered with the driver abilities they need")
    void registration() {
        CommandRegistry registry = new CommandRegistry();
        WorkflowCommands.register(registry);
        assertThat(registry.all().keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.of(
                CommandName.DISCOVER_ARRAYS, CommandName.DISCOVER_DEVICES, CommandName.QUERY_REPLICATION_SETTINGS,
                CommandName.QUERY_DEVICE_DETAILS, CommandName.QUERY_RECOVERY_POINTS, CommandName.SYNC_ONCE,
                CommandName.QUERY_SYNC_STATUS, CommandName.CHECK_TEST_FAILOVER_START, CommandName.TEST_FAILOVER_START,
                CommandName.TEST_FAILOVER_STOP, CommandName.CHECK_FAILOVER, CommandName.PREPARE_FAILOVER,
                CommandName.FAILOVER, CommandName.PREPARE_REVERSE_REPLICATION, CommandName.REVERSE_REPLICATION,
                CommandName.PREPARE_RESTORE_REPLICATION, CommandName.RESTORE_REPLICATION));
        assertThat(registry.handler(CommandName.SYNC_ONCE).orElseThrow().requiredFeature()).contains(Feature.SYNC);
        assertThat(registry.handler(CommandName.QUERY_SYNC_STATUS).orElseThrow().requiredFeature()).contains(Feature.SYNC);
        assertThat(registry.handler(CommandName.FAILOVER).orElseThrow().requiredFeature()).isEmpty();
        assertThat(registry.handler(CommandName.QUERY_DEVICE_DETAILS).orElseThrow().requiredFeature())
                .contains(Feature.DEVICE_DETAILS);
    }

    private static Request discoverRequest(Map<String, String> opaques) {
        return new Request(Envelope.of("discoverDevices", "out.xml", "status.xml", "verbose", null),
                List.of(new Connection("array", Map.of("managementAddress", "127.0.0.1:9443"), Optional.of("admin"),
                        Optional.of("s3cret"), opaques)),
                new DiscoverDevicesParameters("array-a", "array-b"));
    }

    private static ArrayDriverFactory factory(FakeArrays fabric, List<ConnectionValues> seen) {
        return new ArrayDriverFactory() {
            @Override public String name() { return "embedded"; }
            @Override public DriverDescription description() { return FakeDriver.description(Feature.SYNC); }
            @Override public ArrayDriver open(ConnectionValues connection) throws DriverException {
                seen.add(connection);
                if (connection.password().filter("wrong"::equals).isPresent()) {
                    throw new DriverException(DriverError.AUTHENTICATION_FAILED, Map.of(), "401");
                }
                return new FakeDriver(fabric, "array-a");
            }
        };
    }

    @Test
    @DisplayName("CONN-2 CONN-3 the handler opens the driver with the request's connection and applies its device-name filter")
    void handler(@TempDir Path dir) throws Exception {
        CommandRegistry registry = new CommandRegistry();
        WorkflowCommands.register(registry);
        List<ConnectionValues> seen = new ArrayList<>();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SraLog log = SraLog.stdoutOnly(LogLevel.TRIVIA, out);
        Request request = discoverRequest(Map.of("deviceNamePrefix", "prod-app"));
        CommandContext context = new CommandContext(request, log, new Progress(dir.resolve("status.xml").toString(), log),
                dir, (name, l) -> factory(Harness.twoSites(), seen));
        Response response = registry.handler(CommandName.DISCOVER_DEVICES).orElseThrow().handle(request, context);
        ReplicatedDevices devices = (ReplicatedDevices) ((Response.Completed) response).result();
        assertThat(devices.sourceDevices()).isEmpty();
        assertThat(devices.consistencyGroups()).hasSize(1);
        assertThat(seen).singleElement().satisfies(c -> assertThat(c.addresses()).containsEntry("managementAddress", "127.0.0.1:9443"));
        assertThat(out.toString()).contains("deviceNamePrefix=\"prod-app\"").doesNotContain("s3cret");
        assertThat(java.nio.file.Files.readString(dir.resolve("status.xml"))).contains(">100<");
    }

    @Test
    @DisplayName("refused credentials fail the whole command with 1002 naming the address, never the password")
    void refused(@TempDir Path dir) {
        CommandRegistry registry = new CommandRegistry();
        WorkflowCommands.register(registry);
        SraLog log = SraLog.stdoutOnly(LogLevel.TRIVIA, new java.io.ByteArrayOutputStream());
        Request request = new Request(Envelope.of("discoverDevices", "out.xml", null, "verbose", null),
                List.of(new Connection("array", Map.of("managementAddress", "10.0.0.9:443"), Optional.of("admin"),
                        Optional.of("wrong"), Map.of())), new DiscoverDevicesParameters("array-a", "array-b"));
        CommandContext context = new CommandContext(request, log, new Progress(null, log), dir,
                (name, l) -> factory(Harness.twoSites(), new ArrayList<>()));
        assertThatThrownBy(() -> registry.handler(CommandName.DISCOVER_DEVICES).orElseThrow().handle(request, context))
                .isInstanceOfSatisfying(SraException.class, e -> {
                    Message.Predefined m = (Message.Predefined) e.error();
                    assertThat(m.code()).isEqualTo(ErrorCodes.CREDENTIALS_REFUSED);
                    assertThat(m.value("Address")).contains("10.0.0.9:443");
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
    }
}
