package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.emulator.check.ResultNames;
import org.opensra.emulator.check.SchemaCheck;
import org.opensra.emulator.xml.Xml;

/** INV-3: every response is checked against the emulator's own description of the spec's tables. */
class SchemaCheckTest {
    private static final String NS = "<Response xmlns=\"http://www.vmware.com/srm/sra/v2\">";
    private final SchemaCheck schema = SchemaCheck.locate();

    private java.util.Optional<String> check(String command, String body) {
        return schema.validate(command, Xml.parse((NS + body + "</Response>").getBytes(StandardCharsets.UTF_8))
                .getDocumentElement());
    }

    @Test
    @DisplayName("INV-3 valid queryInfo passes; an unknown element, a missing element and a bad attribute kind fail")
    void elementsAndAttributes() {
        String ok = "<AdapterInfo><Name stringId=\"n\">n</Name><Version>1</Version>"
                + "<Vendor>v</Vendor><Uuid>6b1f4c2e-9d3a-4e57-8a1b-2c3d4e5f6a7b</Uuid></AdapterInfo>";
        assertThat(check("queryInfo", ok)).isEmpty();
        assertThat(check("queryInfo", ok.replace("</AdapterInfo>", "<Colour>red</Colour></AdapterInfo>")))
                .hasValueSatisfying(m -> assertThat(m).contains("Colour"));
        assertThat(check("queryInfo", ok.replace("<Version>1</Version>", ""))).isPresent();
        assertThat(check("queryInfo", ok.replace("stringId", "colour"))).isPresent();
        assertThat(check("queryInfo", "<Error code=\"x\"/>")).hasValueSatisfying(m -> assertThat(m).contains("integer"));
    }

    @Test
    @DisplayName("INV-3 Table 8 order: a discovered group Snapshot is TargetDevices then RecoveryPoint, the reverse fails")
    void groupSnapshotOrderInDiscovery() {
        String members = "<TargetDevices><TargetDevice key=\"k1\"><Snapshot id=\"s1\"/></TargetDevice></TargetDevices>";
        String rp = "<RecoveryPoint id=\"latest\"><Time>2026-12-03T09:00:00Z</Time></RecoveryPoint>";
        String group = "<ReplicatedDevices><TargetGroups><TargetGroup key=\"g\"><TargetDevices><TargetDevice key=\"k1\"/>"
                + "</TargetDevices><Snapshot id=\"gs\">%s</Snapshot></TargetGroup></TargetGroups></ReplicatedDevices>";
        assertThat(check("discoverDevices", group.formatted(members + rp))).isEmpty();
        assertThat(check("discoverDevices", group.formatted(rp + members)))
                .hasValueSatisfying(m -> assertThat(m).contains("expected order: TargetDevices, RecoveryPoint"));
    }

    @Test
    @DisplayName("INV-3 Table 11 order: a testFailoverStart group Snapshot is RecoveryPoint then TargetDevices")
    void groupSnapshotOrderInTest() {
        String members = "<TargetDevices><TargetDevice key=\"k1\"><Snapshot id=\"s1\"/></TargetDevice></TargetDevices>";
        String rp = "<RecoveryPoint id=\"latest\"><Time>2026-12-03T09:00:00Z</Time></RecoveryPoint>";
        String body = "<TestFailoverStartResults><TargetGroups><TargetGroup key=\"g\"><Snapshot id=\"gs\">%s</Snapshot>"
                + "</TargetGroup></TargetGroups></TestFailoverStartResults>";
        assertThat(check("testFailoverStart", body.formatted(rp + members))).isEmpty();
        assertThat(check("testFailoverStart", body.formatted(members + rp))).isPresent();
    }

    @Test
    @DisplayName("INV-3 the grammar describes the response of every command the emulator knows a result name for")
    void everyCommandDescribed() {
        for (String command : java.util.List.of("queryInfo", "queryStrings", "queryErrorDefinitions", "queryCapabilities",
                "queryConnectionParameters", "discoverArrays", "discoverDevices", "queryReplicationSettings",
                "queryDeviceDetails", "queryRecoveryPoints", "syncOnce", "querySyncStatus", "checkTestFailoverStart",
                "checkFailover", "testFailoverStart", "testFailoverStop", "prepareFailover", "failover",
                "prepareReverseReplication", "reverseReplication", "prepareRestoreReplication", "restoreReplication")) {
            String result = ResultNames.of(command);
            assertThat(check(command, "<Error code=\"1001\"/>")).as(command).isEmpty();
            assertThat(check(command, "<" + result + "><Bogus/></" + result + ">")).as(command).isPresent();
        }
    }

    @Test
    @DisplayName("INV-3 a structure violation is reported with the offending element and command")
    void reportsSchemaViolations(@TempDir Path tmp) throws Exception {
        FakeLab lab = new FakeLab(tmp, "extra-element");
        assertThat(lab.run("--workflows", "WF-1")).isEqualTo(1);
        assertThat(lab.violations("INV-3")).anySatisfy(v -> assertThat(v).contains("Colour"));
        assertThat(lab.summary().path("violations").get(0).path("folder").asText()).startsWith("commands/001-A-queryInfo");
    }
}
