package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.result.CommandResult;

class RoundTripTest {

    static Stream<CommandResult> results() {
        return Samples.results().stream();
    }

    static Stream<CommandParameters> parameters() {
        return Samples.parameters().stream();
    }

    @Test
    @DisplayName("INV-3 samples cover the result of all 22 commands and the parameters of all 22")
    void coverage() {
        Set<CommandName> withResult = EnumSet.noneOf(CommandName.class);
        Samples.results().forEach(r -> withResult.add(r.command()));
        assertThat(withResult).containsExactlyInAnyOrder(CommandName.values());
        Set<CommandName> withParameters = EnumSet.noneOf(CommandName.class);
        Samples.parameters().forEach(p -> withParameters.add(p.command().orElseThrow()));
        assertThat(withParameters).containsExactlyInAnyOrder(CommandName.values());
    }

    @ParameterizedTest
    @MethodSource("results")
    @DisplayName("INV-3 every result written and parsed back is equal, with warnings")
    void responseRoundTrip(CommandResult result) throws Exception {
        Response response = Response.of(result, List.of(Samples.WARNING_500, Samples.UNDEFINED));
        byte[] xml = ResponseWriter.toBytes(response);
        assertThat(ResponseParser.parse(xml)).isEqualTo(response);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">")
                .contains("\n  <" + result.command().resultsElement());
    }

    @ParameterizedTest
    @MethodSource("parameters")
    @DisplayName("INV-2 every request written and parsed back is equal")
    void requestRoundTrip(CommandParameters parameters) throws Exception {
        CommandName command = parameters.command().orElseThrow();
        List<Connection> connections = command.isArrayCommand()
                ? List.of(new Connection("array", Map.of("managementAddress", "127.0.0.1:4000"), Optional.of("admin"),
                Optional.of("pw"), Map.of("deviceNamePrefix", "srm-")))
                : List.of();
        Request request = new Request(Envelope.of(command.wireName(), "C:\\out dir\\response.xml", "C:\\status.xml",
                "trivia", "C:\\logs"), connections, parameters);
        byte[] xml = RequestWriter.toBytes(request);
        assertThat(RequestParser.parse(xml)).isEqualTo(request);
    }

    @Test
    @DisplayName("ERR-2 a predefined error is written with its code and one child element per placeholder")
    void predefinedError() throws Exception {
        String xml = new String(ResponseWriter.toBytes(Response.error(
                Message.predefined(1001, "Address", "10.20.30.40", "Reason", "a < b"))), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Error code=\"1001\">\n    <Address>10.20.30.40</Address>\n"
                + "    <Reason>a &lt; b</Reason>\n  </Error>");
    }

    @Test
    @DisplayName("ERR-2 placeholders in a custom namespace are read by local name")
    void customNamespacePlaceholders() throws Exception {
        Response r = ResponseParser.parse(("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\" "
                + "xmlns:foo=\"http://www.foo.com/sra/v2\"><Error code=\"1001\">"
                + "<foo:CliAddress>10.20.30.40</foo:CliAddress></Error></Response>").getBytes(StandardCharsets.UTF_8));
        assertThat(r).isEqualTo(Response.error(Message.predefined(1001, "CliAddress", "10.20.30.40")));
    }

    @Test
    @DisplayName("ERR-3 an undefined error is written with Description and FixHint")
    void undefinedError() {
        String xml = new String(ResponseWriter.toBytes(Response.error(Samples.UNDEFINED)), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Error>\n    <Description>Device 'x' is not ready &amp; &lt;yet&gt;.</Description>\n"
                + "    <FixHint>Wait and retry.</FixHint>\n  </Error>");
    }

    @Test
    @DisplayName("ERR-4 warnings of both forms follow the result; an error response holds only the error")
    void warningsAndSingleError() throws Exception {
        Response ok = Response.of(Samples.results().get(0), List.of(Message.predefined(2001), Samples.UNDEFINED));
        String xml = new String(ResponseWriter.toBytes(ok), StandardCharsets.UTF_8);
        assertThat(xml).contains("</AdapterInfo>\n  <Warnings>\n    <Warning code=\"2001\"/>\n    <Warning>\n"
                + "      <Description>");
        String err = new String(ResponseWriter.toBytes(Response.error(Samples.ERROR_1004)), StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("Warnings").doesNotContain("AdapterInfo");
        assertThat(err.split("<Error", -1)).hasSize(2);
    }

    @Test
    @DisplayName("TOL-1a Opaques/Opaque and DeviceSync inProgress/complete are what the writer writes")
    void writtenSpellings() {
        String caps = new String(ResponseWriter.toBytes(Response.of(Samples.results().get(4))), StandardCharsets.UTF_8);
        assertThat(caps).contains("<Opaques>").contains("<Opaque id=\"deviceNamePrefix\" optional=\"true\">")
                .doesNotContain("Opagues");
        String sync = new String(ResponseWriter.toBytes(Response.of(Samples.results().get(11))), StandardCharsets.UTF_8);
        assertThat(sync).contains("status=\"inProgress\"");
        String status = new String(ResponseWriter.toBytes(Response.of(Samples.results().get(12))), StandardCharsets.UTF_8);
        assertThat(status).contains("status=\"complete\"");
    }

    @Test
    @DisplayName("RS-1 ReplicationSettings fragments travel verbatim, foreign namespaces included")
    void replicationSettingsVerbatim() throws Exception {
        String xml = new String(ResponseWriter.toBytes(Response.of(Samples.results().get(7))), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ReplicationSettings mode=\"async\"><Schedule every=\"15m\">x &amp; y</Schedule>"
                + "<foo:Extra xmlns:foo=\"urn:foo\">1</foo:Extra></ReplicationSettings>");
        assertThat(Samples.SETTINGS.content()).startsWith("<Schedule");
    }

    @Test
    @DisplayName("RS-1 TOL-1b ReplicationSettings of a request keep foreign prefixes declared on the root")
    void settingsWithRootNamespace() throws Exception {
        Request r = RequestParser.parse(("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\" xmlns:v=\"urn:vendor\">"
                + "<Name>reverseReplication</Name><OutputFile>o</OutputFile><ReverseReplicationParameters>"
                + "<ArrayId>B</ArrayId><PeerArrayId>A</PeerArrayId><Devices><Device id=\"async-LUN 11\">"
                + "<ReplicationSettings><v:Schedule v:every=\"15\">hourly</v:Schedule><Mode>async</Mode>"
                + "</ReplicationSettings></Device></Devices></ReverseReplicationParameters></Command>")
                .getBytes(StandardCharsets.UTF_8));
        org.opensra.protocol.params.ReverseReplicationParameters p =
                r.parameters(org.opensra.protocol.params.ReverseReplicationParameters.class);
        String settings = p.devices().get(0).settings().orElseThrow().xml();
        assertThat(settings).isEqualTo("<ReplicationSettings><v:Schedule xmlns:v=\"urn:vendor\" v:every=\"15\">hourly"
                + "</v:Schedule><Mode>async</Mode></ReplicationSettings>");
        // written back inside a response, it stays the same element in the same namespaces
        byte[] xml = ResponseWriter.toBytes(Response.of(new org.opensra.protocol.result.ReplicationSettingsResults(
                List.of(), List.of(org.opensra.protocol.result.ItemResult.ok("d", p.devices().get(0).settings().get())),
                List.of(), List.of())));
        assertThat(SraSchema.validateResponse(xml)).isEmpty();
        Response back = ResponseParser.parse(xml);
        assertThat(((org.opensra.protocol.result.ReplicationSettingsResults) ((Response.Completed) back).result())
                .sourceDevices().get(0).success()).contains(p.devices().get(0).settings().get());
    }
}
