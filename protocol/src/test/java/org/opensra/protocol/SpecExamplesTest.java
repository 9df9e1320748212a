package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.SyncResults;

/**
 * The specification's own example responses (src/test/resources/spec-examples, copied verbatim; examples
 * split by a page break are joined) against sra-v2.xsd. Most examples elide content with "..." or
 * {@code <X .../>}, so each is checked twice: verbatim, and with the elisions removed. Every example that
 * stays invalid is listed here with the reason, always a disagreement with the tables (the tables win) or an
 * elision that leaves an item empty (INV-3, TOL-1a).
 */
class SpecExamplesTest {

    /**
     * @param file          example file
     * @param validVerbatim whether the example validates exactly as printed
     * @param problem       null when valid once elisions are removed, else a word the schema's complaint names
     * @param reason        why it does not validate
     */
    record Example(String file, boolean validVerbatim, String problem, String reason) {
        @Override
        public String toString() {
            return file + (problem == null ? " (valid)" : " (" + reason + ")");
        }
    }

    private static final String ELIDED_ERROR = "its <Error .../> is elided, which leaves the item empty";

    static Stream<Example> examples() {
        return Stream.of(
                new Example("error-code-only.xml", true, null, null),
                new Example("progressUpdate.xml", true, null, null),
                new Example("queryRecoveryPoints.xml", true, null, null),
                new Example("error-custom-namespace.xml", false, null, null),
                new Example("predefined-error-return.xml", false, null, null),
                new Example("undefined-error-return.xml", false, null, null),
                new Example("queryStrings.xml", false, null, null),
                new Example("queryErrorDefinitions.xml", false, null, null),
                new Example("discoverArrays.xml", false, null, null),
                new Example("checkFailover.xml", false, null, null),
                new Example("prepareReverseReplication.xml", false, null, null),
                new Example("prepareRestoreReplication.xml", false, null, null),
                new Example("warnings-format.xml", false, "Warnings", "the command results before Warnings are elided"),
                new Example("warnings-return.xml", false, "Warnings", "the command results before Warnings are elided"),
                new Example("queryInfo.xml", false, "xxxxxxxx", "Uuid is a placeholder, not an RFC 4122 UUID (INFO-1)"),
                new Example("queryCapabilities.xml", false, "VmImageConsistency",
                        "typo: <VmImageConsistency> closed by another start tag"),
                new Example("queryConnectionParameters.xml", false, "Opagues",
                        "Opagues is a typo for Opaques (TOL-1a)"),
                new Example("discoverDevices.xml", false, "state",
                        "ConsistencyGroup without the state attribute and TargetGroup that Table 8 requires"),
                new Example("queryReplicationSettings-source.xml", false, "SourceDevices",
                        "typo: <SourceDevices> closed by </Devices>"),
                new Example("queryReplicationSettings-target.xml", false, "'id'",
                        "TargetGroup carries id= where the table says key"),
                new Example("queryDeviceDetails.xml", false, "Devices",
                        "Device directly under DeviceDetails; Table 9 has DeviceDetails > Devices > Device"),
                new Example("checkTestFailoverStart.xml", false, "Success", ELIDED_ERROR),
                new Example("testFailoverStart.xml", false, "Snapshot",
                        "typo: </TargetDevices> where <TargetDevices> opens the group's devices"),
                new Example("failover.xml", false, "Error", ELIDED_ERROR),
                new Example("testFailoverStop.xml", false, "Success", ELIDED_ERROR),
                new Example("prepareFailover.xml", false, "Success", ELIDED_ERROR),
                new Example("syncOnce-source.xml", false, "InProgress",
                        "status InProgress and a bare Warning; Table 14 says inProgress and Warnings (TOL-1a)"),
                new Example("syncOnce-target.xml", false, "InProgress",
                        "status InProgress and a bare Warning; Table 14 says inProgress and Warnings (TOL-1a)"),
                new Example("querySyncStatus-source.xml", false, "InProgress", "status InProgress (TOL-1a)"),
                new Example("querySyncStatus-target.xml", false, "InProgress",
                        "status InProgress and completed (TOL-1a)"),
                new Example("reverseReplication.xml", false, "Success", ELIDED_ERROR),
                new Example("restoreReplication.xml", false, "Success", ELIDED_ERROR));
    }

    static byte[] load(String file) throws IOException {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/spec-examples/" + file)) {
            assertThat(in).as("resource " + file).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Removes the spec's elisions: {@code <Name .../>} elements and lines that are only "...". */
    static byte[] withoutElisions(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        s = s.replaceAll("<[A-Za-z]+(\\s[^<>]*?)?\\s*\\.\\.\\.\\s*/>", "");
        s = s.replaceAll("(?m)^\\s*\\.\\.\\.[^<\\n]*$", "");
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> validate(String file, byte[] xml) {
        return file.startsWith("progress") ? SraSchema.validateProgress(xml) : SraSchema.validateResponse(xml);
    }

    @Test
    @DisplayName("INV-3 every example response of the spec is listed (none forgotten)")
    void allListed() throws Exception {
        List<String> listed = examples().map(Example::file).toList();
        Path dir = Path.of(SpecExamplesTest.class.getResource("/spec-examples").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".xml")).toList();
            assertThat(listed).hasSize(32).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    @DisplayName("INV-3 TOL-1a spec examples validate against the schema unless listed with the reason")
    void exampleAgainstSchema(Example example) throws IOException {
        byte[] verbatim = load(example.file());
        if (example.validVerbatim()) {
            assertThat(validate(example.file(), verbatim)).isEmpty();
        } else {
            assertThat(validate(example.file(), verbatim)).as("verbatim example is listed as invalid").isNotEmpty();
        }
        List<String> problems = validate(example.file(), withoutElisions(verbatim));
        if (example.problem() == null) {
            assertThat(problems).as("valid once elisions are removed").isEmpty();
        } else {
            assertThat(problems).as(example.reason()).isNotEmpty()
                    .anySatisfy(p -> assertThat(p).contains(example.problem()));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    @DisplayName("INV-3 the response parser reads every example the schema accepts")
    void parserReadsValidExamples(Example example) throws Exception {
        if (example.problem() != null || example.file().startsWith("progress")) {
            return;
        }
        assertThat(ResponseParser.parse(withoutElisions(load(example.file())))).isNotNull();
    }

    @Test
    @DisplayName("TOL-1 the parser still reads the spec's syncOnce example: InProgress and a bare Warning 500")
    void lenientSyncOnce() throws Exception {
        Response r = ResponseParser.parse(load("syncOnce-source.xml"));
        SyncResults sync = (SyncResults) ((Response.Completed) r).result();
        assertThat(sync.sourceDevices()).hasSize(2);
        ItemResult<org.opensra.protocol.model.DeviceSync> busy = sync.sourceDevices().get(1);
        assertThat(busy.ref()).isEqualTo("xxx-3");
        assertThat(((ItemResult.Ok<org.opensra.protocol.model.DeviceSync>) busy).warnings())
                .containsExactly(Message.predefined(500));
        assertThat(busy.success().orElseThrow().status()).isEqualTo(SyncStatus.IN_PROGRESS);
        assertThat(busy.success().orElseThrow().progress()).hasValue(15);
    }

    @Test
    @DisplayName("TOL-1 the parser reads status completed and the example's DeviceDetails without Devices")
    void lenientStatusAndDetails() throws Exception {
        SyncResults status = (SyncResults) ((Response.Completed) ResponseParser.parse(
                load("querySyncStatus-target.xml"))).result();
        assertThat(status.targetDevices().get(0).success().orElseThrow().status()).isEqualTo(SyncStatus.COMPLETE);
        assertThat(status.targetDevices().get(1).failure()).contains(Message.predefined(1401));
        DeviceDetails details = (DeviceDetails) ((Response.Completed) ResponseParser.parse(
                withoutElisions(load("queryDeviceDetails.xml")))).result();
        assertThat(details.devices()).extracting(ItemResult::ref).containsExactly("aaa-1", "aaa-2", "aaa-3");
    }
}
