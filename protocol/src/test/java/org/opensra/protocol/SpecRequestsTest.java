package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensra.protocol.params.DeviceAccess;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.params.TestFailoverStartParameters;

/**
 * The specification's example requests (src/test/resources/spec-requests, copied verbatim, elisions such as
 * {@code <Connections .../>} removed before reading): each is read as the command it names and validates
 * against sra-v2.xsd (INV-2).
 */
class SpecRequestsTest {

    record Example(String file, Optional<CommandName> command) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
                new Example("queryInfo.xml", Optional.of(CommandName.QUERY_INFO)),
                new Example("queryStrings.xml", Optional.of(CommandName.QUERY_STRINGS)),
                new Example("queryErrorDefinitions.xml", Optional.of(CommandName.QUERY_ERROR_DEFINITIONS)),
                new Example("queryCapabilities.xml", Optional.of(CommandName.QUERY_CAPABILITIES)),
                new Example("queryConnectionParameters.xml", Optional.of(CommandName.QUERY_CONNECTION_PARAMETERS)),
                new Example("discoverArrays.xml", Optional.of(CommandName.DISCOVER_ARRAYS)),
                new Example("discoverDevices.xml", Optional.of(CommandName.DISCOVER_DEVICES)),
                new Example("queryReplicationSettings.xml", Optional.of(CommandName.QUERY_REPLICATION_SETTINGS)),
                // the spec's target-form example names the command "replicationSettings" (typo): read as unknown
                new Example("queryReplicationSettings-target.xml", Optional.empty()),
                new Example("queryDeviceDetails.xml", Optional.of(CommandName.QUERY_DEVICE_DETAILS)),
                new Example("queryRecoveryPoints.xml", Optional.of(CommandName.QUERY_RECOVERY_POINTS)),
                new Example("checkTestFailoverStart.xml", Optional.of(CommandName.CHECK_TEST_FAILOVER_START)),
                new Example("testFailoverStart.xml", Optional.of(CommandName.TEST_FAILOVER_START)),
                new Example("testFailoverStart-access-groups.xml", Optional.of(CommandName.TEST_FAILOVER_START)),
                new Example("testFailoverStop.xml", Optional.of(CommandName.TEST_FAILOVER_STOP)),
                new Example("prepareFailover.xml", Optional.of(CommandName.PREPARE_FAILOVER)),
                new Example("syncOnce-source.xml", Optional.of(CommandName.SYNC_ONCE)),
                new Example("syncOnce-target.xml", Optional.of(CommandName.SYNC_ONCE)),
                new Example("querySyncStatus-source.xml", Optional.of(CommandName.QUERY_SYNC_STATUS)),
                new Example("querySyncStatus-target.xml", Optional.of(CommandName.QUERY_SYNC_STATUS)),
                new Example("reverseReplication.xml", Optional.of(CommandName.REVERSE_REPLICATION)),
                new Example("restoreReplication.xml", Optional.of(CommandName.RESTORE_REPLICATION)));
    }

    static byte[] load(String file) throws Exception {
        try (InputStream in = SpecRequestsTest.class.getResourceAsStream("/spec-requests/" + file)) {
            return SpecExamplesTest.withoutElisions(in.readAllBytes());
        }
    }

    @Test
    @DisplayName("INV-2 every example request of the spec is listed")
    void allListed() throws Exception {
        Path dir = Path.of(SpecRequestsTest.class.getResource("/spec-requests").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(examples().map(Example::file).toList())
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    @DisplayName("INV-2 spec example requests are read as their command and validate against the schema")
    void readAndValidate(Example example) throws Exception {
        byte[] xml = load(example.file());
        Request request = RequestParser.parse(xml);
        assertThat(request.command()).isEqualTo(example.command());
        assertThat(request.envelope().outputFile()).isEqualTo("path/to/response.xml");
        if (example.command().isPresent()) {
            assertThat(SraSchema.validateRequest(xml)).isEmpty();
        } else {
            assertThat(SraSchema.validateRequest(xml)).anySatisfy(p -> assertThat(p).contains("replicationSettings"));
        }
    }

    @Test
    @DisplayName("TOL-1 values of the spec's testFailoverStart (access groups) and querySyncStatus examples")
    void values() throws Exception {
        TestFailoverStartParameters tf = RequestParser.parse(load("testFailoverStart-access-groups.xml"))
                .parameters(TestFailoverStartParameters.class);
        assertThat(tf.targetGroups().get(0).recoveryPoint()).contains("snap-a2");
        assertThat(tf.targetGroups().get(0).devices())
                .containsExactly(new DeviceAccess("xxx-1-peer", List.of("host-group-A", "host-group-B")));
        assertThat(tf.accessGroups()).extracting(g -> g.id()).containsExactly("host-group-A", "host-group-B");
        QuerySyncStatusParameters qs = RequestParser.parse(load("querySyncStatus-target.xml"))
                .parameters(QuerySyncStatusParameters.class);
        assertThat(qs.targetDevices()).containsExactly(new SyncRef("xxx-2-peer", "sync-1022"),
                new SyncRef("xxx-3-peer", "sync-1023"));
    }
}
