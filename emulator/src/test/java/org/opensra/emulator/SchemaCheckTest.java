package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.emulator.check.SchemaCheck;

/** INV-3: every response is validated against the interface's XML Schema when the protocol module provides it. */
class SchemaCheckTest {

    @Test
    @DisplayName("INV-3 the XML Schema check uses SraSchema.validateResponse: valid passes, an unknown element fails")
    void validatesWithTheProtocolSchema() {
        SchemaCheck schema = SchemaCheck.locate();
        assertThat(schema.available()).isTrue();
        String ok = "<Response xmlns=\"http://www.vmware.com/srm/sra/v2\"><AdapterInfo><Name>n</Name><Version>1</Version>"
                + "<Vendor>v</Vendor><Uuid>6b1f4c2e-9d3a-4e57-8a1b-2c3d4e5f6a7b</Uuid></AdapterInfo></Response>";
        assertThat(schema.validate(ok.getBytes(StandardCharsets.UTF_8))).isEmpty();
        String bad = ok.replace("</AdapterInfo>", "<Colour>red</Colour></AdapterInfo>");
        assertThat(schema.validate(bad.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    @Test
    @DisplayName("INV-3 a schema-invalid response is reported with the XML Schema message and the offending command")
    void reportsSchemaViolations(@TempDir Path tmp) throws Exception {
        FakeLab lab = new FakeLab(tmp, "extra-element");
        assertThat(lab.run("--workflows", "WF-1")).isEqualTo(1);
        assertThat(lab.violations("INV-3")).anySatisfy(v -> assertThat(v).contains("XML Schema"));
        assertThat(lab.summary().path("violations").get(0).path("folder").asText()).startsWith("commands/001-A-queryInfo");
        assertThat(lab.summary().path("notRun").has(SchemaCheck.PENDING_KEY)).isFalse();
    }
}
