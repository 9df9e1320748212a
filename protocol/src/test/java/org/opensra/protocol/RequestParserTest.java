package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.QueryInfoParameters;
import org.opensra.protocol.params.QueryStringsParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.UnsupportedCommandParameters;

class RequestParserTest {

    static Request parse(String xml) throws ProtocolException {
        return RequestParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("INV-2 the envelope of a queryInfo request is read")
    void envelope() throws Exception {
        Request r = parse("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <Command xmlns="http://www.vmware.com/srm/sra/v2">
                  <Name>queryInfo</Name>
                  <OutputFile>path/to/response.xml</OutputFile>
                  <StatusFile>path/to/status.xml</StatusFile>
                  <LogLevel>verbose</LogLevel>
                  <LogDirectory>path/to/log/directory</LogDirectory>
                </Command>
                """);
        assertThat(r.command()).contains(CommandName.QUERY_INFO);
        assertThat(r.envelope().outputFile()).isEqualTo("path/to/response.xml");
        assertThat(r.envelope().statusFile()).contains("path/to/status.xml");
        assertThat(r.envelope().level()).contains(LogLevel.VERBOSE);
        assertThat(r.envelope().logDirectory()).contains("path/to/log/directory");
        assertThat(r.parameters()).isEqualTo(new QueryInfoParameters());
        assertThat(r.connections()).isEmpty();
    }

    @Test
    @DisplayName("INV-6 an unknown command name is representable (the adapter answers error 100)")
    void unknownCommand() throws Exception {
        Request r = parse("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>fooBar</Name>"
                + "<OutputFile>o.xml</OutputFile></Command>");
        assertThat(r.command()).isEmpty();
        assertThat(r.parameters()).isEqualTo(new UnsupportedCommandParameters("fooBar"));
        assertThat(CommandName.fromWire("fooBar")).isEmpty();
        assertThat(CommandName.values()).hasSize(22);
    }

    @Test
    @DisplayName("TOL-1 Opagues, bare Connection, whitespace in text, any element order are accepted")
    void tolerantSpellings() throws Exception {
        Request r = parse("""
                <Command xmlns="http://www.vmware.com/srm/sra/v2">
                  <DiscoverDevicesParameters>
                    <PeerArrayId>
                        B
                    </PeerArrayId>
                    <ArrayId>  A  </ArrayId>
                  </DiscoverDevicesParameters>
                  <Connection id="primary">
                    <Addresses><Address id="spA">  10.20.30.40 </Address></Addresses>
                    <Username> admin </Username>
                    <Password>secret</Password>
                    <Opagues><Opaque id="volumeNameFilter"> srm- </Opaque></Opagues>
                  </Connection>
                  <LogLevel> info </LogLevel>
                  <Name>
                    discoverDevices
                  </Name>
                  <OutputFile>o.xml</OutputFile>
                </Command>
                """);
        assertThat(r.command()).contains(CommandName.DISCOVER_DEVICES);
        assertThat(r.parameters(DiscoverDevicesParameters.class)).isEqualTo(new DiscoverDevicesParameters("A", "B"));
        Connection c = r.connection().orElseThrow();
        assertThat(c.id()).isEqualTo("primary");
        assertThat(c.address("spA")).contains("10.20.30.40");
        assertThat(c.username()).contains("admin");
        assertThat(c.password()).contains("secret");
        assertThat(c.opaque("volumeNameFilter")).contains("srm-");
        assertThat(r.envelope().level()).contains(LogLevel.INFO);
    }

    @Test
    @DisplayName("TOL-1 Connections wrapper and Opaques spelling are accepted too")
    void connectionsWrapper() throws Exception {
        Request r = parse("""
                <Command xmlns="http://www.vmware.com/srm/sra/v2"><Name>discoverArrays</Name>
                  <Connections><Connection id="array"><Addresses><Address id="managementAddress">h:1</Address></Addresses>
                  <Opaques><Opaque id="deviceNamePrefix">x</Opaque></Opaques></Connection></Connections>
                  <OutputFile>o.xml</OutputFile></Command>
                """);
        assertThat(r.connection().orElseThrow().opaque("deviceNamePrefix")).contains("x");
        assertThat(r.connection().orElseThrow().address("managementAddress")).contains("h:1");
    }

    @Test
    @DisplayName("TOL-1 DeviceSync status spellings complete/completed/inProgress/InProgress are read")
    void statusSpellings() {
        assertThat(SyncStatus.fromWire("complete")).contains(SyncStatus.COMPLETE);
        assertThat(SyncStatus.fromWire("completed")).contains(SyncStatus.COMPLETE);
        assertThat(SyncStatus.fromWire("inProgress")).contains(SyncStatus.IN_PROGRESS);
        assertThat(SyncStatus.fromWire("InProgress")).contains(SyncStatus.IN_PROGRESS);
        assertThat(SyncStatus.fromWire("done")).isEmpty();
    }

    @Test
    @DisplayName("TOL-1b Windows paths, id attributes and keys with blanks are kept exactly")
    void fieldRequests() throws Exception {
        Request r = parse("""
                <Command xmlns="http://www.vmware.com/srm/sra/v2">
                  <Name>querySyncStatus</Name>
                  <OutputFile>C:\\ProgramData\\VMware\\VMware vCenter Site Recovery Manager\\Temp\\sra-output-63-220</OutputFile>
                  <StatusFile>C:\\ProgramData\\VMware\\Temp\\sra-status-62-220</StatusFile>
                  <LogLevel>verbose</LogLevel>
                  <LogDirectory>C:\\ProgramData\\VMware\\VMware vCenter Site Recovery Manager\\Logs\\SRAs\\opensra</LogDirectory>
                  <Connections><Connection id="array"><Addresses><Address id="managementAddress">10.0.0.1:8080</Address></Addresses>
                    <Username>admin</Username><Password>pw</Password></Connection></Connections>
                  <QuerySyncStatusParameters>
                    <ArrayId>array a</ArrayId><PeerArrayId>array b</PeerArrayId>
                    <TargetDevices><TargetDevice key="async-LUN 11" syncId="sync 1"/></TargetDevices>
                  </QuerySyncStatusParameters>
                </Command>
                """);
        assertThat(r.envelope().outputFile())
                .isEqualTo("C:\\ProgramData\\VMware\\VMware vCenter Site Recovery Manager\\Temp\\sra-output-63-220");
        assertThat(r.envelope().logDirectory()).contains(
                "C:\\ProgramData\\VMware\\VMware vCenter Site Recovery Manager\\Logs\\SRAs\\opensra");
        QuerySyncStatusParameters p = r.parameters(QuerySyncStatusParameters.class);
        assertThat(p.arrayId()).isEqualTo("array a");
        assertThat(p.targetDevices()).singleElement().satisfies(ref -> {
            assertThat(ref.ref()).isEqualTo("async-LUN 11");
            assertThat(ref.syncId()).isEqualTo("sync 1");
        });
        assertThat(p.isTargetForm()).isTrue();
    }

    @Test
    @DisplayName("TOL-2 an external entity is never read and the DOCTYPE is refused with a clear error")
    void xxeRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Command [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>queryStrings</Name>"
                + "<OutputFile>out.xml</OutputFile><QueryStringsParameters><Locale>&xxe;</Locale>"
                + "</QueryStringsParameters></Command>";
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> {
                    ProtocolException pe = (ProtocolException) e;
                    assertThat(pe.outputFile()).contains("out.xml");
                    assertThat(String.valueOf(pe.getMessage())).doesNotContain("TOP-SECRET");
                    Throwable t = pe;
                    while (t != null) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("TOP-SECRET");
                        t = t.getCause();
                    }
                });
        assertThat(RequestLog.indentMasked(xml.getBytes(StandardCharsets.UTF_8))).doesNotContain("TOP-SECRET");
    }

    @Test
    @DisplayName("TOL-2 a DOCTYPE without entities is refused as well")
    void plainDoctypeRefused() {
        assertThatThrownBy(() -> parse("<!DOCTYPE Command><Command><Name>queryInfo</Name>"
                + "<OutputFile>o</OutputFile></Command>"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    @DisplayName("TOL-3 malformed XML: the exception carries the OutputFile it could still read")
    void malformedKeepsOutputFile() {
        assertThatThrownBy(() -> parse("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>queryInfo</Name>"
                + "<OutputFile>C:\\tmp\\out.xml</OutputFile><LogLevel>info</Command>"))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).contains("C:\\tmp\\out.xml"));
    }

    @Test
    @DisplayName("TOL-3 incomplete request: missing parameters give a clear error with the OutputFile")
    void incompleteKeepsOutputFile() {
        assertThatThrownBy(() -> parse("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>discoverDevices</Name>"
                + "<OutputFile>out.xml</OutputFile><DiscoverDevicesParameters><ArrayId>A</ArrayId>"
                + "</DiscoverDevicesParameters></Command>"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("PeerArrayId")
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).contains("out.xml"));
    }

    @Test
    @DisplayName("TOL-3 no OutputFile readable: the exception says so by an empty outputFile")
    void noOutputFile() {
        assertThatThrownBy(() -> parse("not xml at all"))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).isEmpty());
        assertThatThrownBy(() -> parse("<Command><Name>queryInfo</Name></Command>"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("OutputFile")
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).isEmpty());
    }

    @Test
    @DisplayName("LOC-2 queryStrings carries its locale")
    void queryStrings() throws Exception {
        Request r = parse("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>queryStrings</Name>"
                + "<OutputFile>o</OutputFile><QueryStringsParameters><Locale>ja</Locale></QueryStringsParameters>"
                + "</Command>");
        assertThat(r.parameters(QueryStringsParameters.class).locale()).isEqualTo("ja");
    }

    @Test
    @DisplayName("SEC-1 Connection.toString never shows credentials")
    void connectionToStringMasks() throws Exception {
        Request r = parse("<Command><Name>discoverArrays</Name><OutputFile>o</OutputFile><Connections><Connection id=\"a\">"
                + "<Addresses><Address id=\"x\">h</Address></Addresses><Username>admin-user</Username>"
                + "<Password>pa55word</Password></Connection></Connections></Command>");
        assertThat(r.toString()).doesNotContain("admin-user").doesNotContain("pa55word").contains("********");
    }

    @Test
    @DisplayName("TOL-3 absurdly deep nesting is a clear ProtocolException, not a stack overflow")
    void deepNesting() {
        String deep = "<a>".repeat(100_000);
        assertThatThrownBy(() -> parse("<Command><Name>queryInfo</Name><OutputFile>o.xml</OutputFile>" + deep))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("nested")
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).contains("o.xml"));
    }

    @Test
    @DisplayName("TOL-3 a wrong root element or a bad number is a clear error")
    void wrongRoot() {
        assertThatThrownBy(() -> parse("<Response><OutputFile>o</OutputFile></Response>"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("<Command>")
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).contains("o"));
    }

    /** Found by the request fuzz test (issue 18): the reader's message quoted the "entity" made of the password. */
    @Test
    @DisplayName("TOL-3 SEC-1 a parse error inside a credential does not quote the credential")
    void parseErrorDoesNotQuoteCredential() {
        for (String broken : java.util.List.of("&ampfuzzPass-X3vW8sR", "&fuzzPass-X3vW8sR;", "x&fuzzPass-X3vW8sR y")) {
            String xml = "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>discoverArrays</Name>"
                    + "<Connections><Connection id=\"array\"><Password>" + broken + "</Password></Connection></Connections>"
                    + "<OutputFile>/tmp/o.xml</OutputFile></Command>";
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(xml))
                    .isInstanceOf(ProtocolException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as(broken).doesNotContain("fuzzPass")
                            .contains("not acceptable XML"));
        }
    }

    /** Found by the request fuzz test (issue 18): the answer, a DeviceDetails without Devices, was not schema-valid. */
    @Test
    @DisplayName("TOL-3 INV-3 queryDeviceDetails naming no Device is an incomplete request")
    void deviceDetailsWithoutDevice() {
        for (String devices : java.util.List.of("", "<Devices/>", "<Devices><Other id=\"v1\"/></Devices>")) {
            String xml = "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>queryDeviceDetails</Name>"
                    + "<OutputFile>/tmp/o.xml</OutputFile><QueryDeviceDetailsParameters><ArrayId>a</ArrayId>" + devices
                    + "</QueryDeviceDetailsParameters></Command>";
            assertThatThrownBy(() -> parse(xml)).as(devices).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("incomplete or invalid request");
        }
    }
}
