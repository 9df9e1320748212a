package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.result.CommandResult;

class SraSchemaTest {

    static Stream<CommandResult> results() {
        return Samples.results().stream();
    }

    static Stream<CommandParameters> parameters() {
        return Samples.parameters().stream();
    }

    @ParameterizedTest
    @MethodSource("results")
    @DisplayName("INV-3 every response the writer produces validates against sra-v2.xsd, with and without warnings")
    void writtenResponsesValidate(CommandResult result) {
        assertThat(SraSchema.validateResponse(ResponseWriter.toBytes(Response.of(result)))).isEmpty();
        assertThat(SraSchema.validateResponse(ResponseWriter.toBytes(Response.of(result,
                List.of(Samples.WARNING_500, Samples.UNDEFINED))))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("parameters")
    @DisplayName("INV-2 every request the writer produces validates against sra-v2.xsd")
    void writtenRequestsValidate(CommandParameters parameters) {
        CommandName command = parameters.command().orElseThrow();
        List<Connection> connections = command.isArrayCommand()
                ? List.of(new Connection("array", Map.of("managementAddress", "h:1"), Optional.of("u"),
                Optional.of("p"), Map.of("deviceNamePrefix", "srm-")))
                : List.of();
        byte[] xml = RequestWriter.toBytes(new Request(Envelope.of(command.wireName(), "C:\\o.xml", "C:\\s.xml",
                "verbose", "C:\\logs"), connections, parameters));
        assertThat(SraSchema.validateRequest(xml)).isEmpty();
    }

    @Test
    @DisplayName("ERR-2 ERR-3 ERR-4 both error forms validate, placeholders in a custom namespace too")
    void errorsValidate() {
        assertThat(SraSchema.validateResponse(ResponseWriter.toBytes(Response.error(Samples.ERROR_1004)))).isEmpty();
        assertThat(SraSchema.validateResponse(ResponseWriter.toBytes(Response.error(Samples.UNDEFINED)))).isEmpty();
        assertThat(SraSchema.validateResponse(bytes("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\" "
                + "xmlns:foo=\"http://www.foo.com/sra/v2\"><Error code=\"1001\"><foo:CliAddress>1.2.3.4</foo:CliAddress>"
                + "</Error></Response>"))).isEmpty();
    }

    @Test
    @DisplayName("INV-3 a result and an error together, or two errors, are invalid")
    void errorExcludesResult() {
        assertThat(SraSchema.validateResponse(bytes("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">"
                + "<Arrays/><Error code=\"1\"/></Response>"))).isNotEmpty();
        assertThat(SraSchema.validateResponse(bytes("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">"
                + "<Error code=\"1\"/><Error code=\"2\"/></Response>"))).isNotEmpty();
        assertThat(SraSchema.validateResponse(bytes("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">"
                + "<Arrays/></Response>"))).isEmpty();
    }

    @Test
    @DisplayName("TOL-1a the schema refuses Opagues and DeviceSync status InProgress/completed in responses")
    void writtenSpellingsEnforced() {
        assertThat(SraSchema.validateResponse(bytes("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">"
                + "<SyncOnceResults><SourceDevices><SourceDevice id=\"a\"><DeviceSync id=\"s\" status=\"InProgress\"/>"
                + "</SourceDevice></SourceDevices></SyncOnceResults></Response>")))
                .anySatisfy(p -> assertThat(p).contains("InProgress"));
        assertThat(SraSchema.validateResponse(bytes("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">"
                + "<SyncOnceResults><SourceDevices><SourceDevice id=\"a\"><DeviceSync id=\"s\" status=\"inProgress\"/>"
                + "</SourceDevice></SourceDevices></SyncOnceResults></Response>"))).isEmpty();
    }

    @Test
    @DisplayName("INV-4 progress documents validate; out-of-range ones do not")
    void progressValidates() {
        assertThat(SraSchema.validateProgress(ProgressWriter.document(0))).isEmpty();
        assertThat(SraSchema.validateProgress(ProgressWriter.document(100))).isEmpty();
        assertThat(SraSchema.validateProgress(bytes(
                "<ProgressUpdate xmlns=\"http://www.vmware.com/srm/sra/v2\">101</ProgressUpdate>"))).isNotEmpty();
    }

    @Test
    @DisplayName("TOL-2 a document with a DOCTYPE is reported, not processed")
    void doctypeReported() {
        assertThat(SraSchema.validateResponse(bytes("<!DOCTYPE Response><Response xmlns=\"http://www.vmware.com/srm/sra/v2\">"
                + "<Arrays/></Response>"))).singleElement().satisfies(p -> assertThat(p).contains("DOCTYPE"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
