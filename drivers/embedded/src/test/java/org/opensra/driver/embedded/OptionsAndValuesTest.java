package org.opensra.driver.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensra.spi.DeviceIdentification;
import org.opensra.spi.Identity;
import org.opensra.spi.ReplicationSettings;

class OptionsAndValuesTest {

    @Test
    @DisplayName("management address: host:port and https://host:port are TLS, only an explicit http:// is plain (CONN-1, SEC-1)")
    void addresses() {
        assertThat(ManagementAddress.parse("127.0.0.1:8080").baseUrl()).isEqualTo("https://127.0.0.1:8080/api/v1");
        assertThat(ManagementAddress.parse("https://array.example:8443/").baseUrl()).isEqualTo("https://array.example:8443/api/v1");
        assertThat(ManagementAddress.parse(" http://localhost:9/ ").baseUrl()).isEqualTo("http://localhost:9/api/v1");
        assertThat(ManagementAddress.parse("HTTP://[::1]:80/api/v1").host()).isEqualTo("[::1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:", ":80", "host:x", "host:70000", "ftp://h:1", "h:1/other"})
    @DisplayName("a malformed management address is a readable error")
    void badAddresses(String text) {
        assertThatThrownBy(() -> ManagementAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("address");
    }

    @Test
    @DisplayName("DD-7 identity forms are selected by embedded.identity in sra/conf/opensra.properties")
    void identityOption(@TempDir Path sra) throws Exception {
        Files.createDirectories(sra.resolve("conf"));
        Files.writeString(sra.resolve("conf/opensra.properties"),
                "driver=embedded\nembedded.identity = lun-initiator-group\nembedded.defaultHostGroup=array-a.hg.1\n");
        DriverOptions options = DriverOptions.load(sra.resolve("conf/opensra.properties"));
        assertThat(options.identity()).isEqualTo(IdentityForm.LUN_INITIATOR_GROUP);
        assertThat(options.defaultHostGroup()).contains("array-a.hg.1");
        assertThat(EmbeddedDescription.of(options.identity()).identification())
                .isEqualTo(DeviceIdentification.INITIATOR_NUMBER);
        assertThat(DriverOptions.from(Map.of("embedded.identity", "nfs")).identity()).isEqualTo(IdentityForm.NFS);
        assertThat(DriverOptions.from(Map.of("embedded.identity", "LUN-TARGET")).identity()).isEqualTo(IdentityForm.LUN_TARGET);
        assertThat(DriverOptions.from(Map.of()).identity()).isEqualTo(IdentityForm.WWN);
        assertThat(DriverOptions.load(sra.resolve("conf/missing.properties"))).isEqualTo(DriverOptions.defaults());
        assertThatThrownBy(() -> DriverOptions.from(Map.of("embedded.identity", "iqn")))
                .hasMessageContaining("wwn, lun-initiator-group, lun-target, nfs");
        assertThatThrownBy(() -> DriverOptions.from(Map.of("embedded.readTimeoutSeconds", "0")))
                .hasMessageContaining("readTimeoutSeconds");
    }

    @Test
    @DisplayName("DD-7 identities: Wwn with colons, Lun per initiator group, Lun with target, NfsName")
    void identities() {
        List<Identities.Mapping> two = List.of(new Identities.Mapping("hg.1", 3, Optional.of("iqn.t1")),
                new Identities.Mapping("hg.2", 5, Optional.of("iqn.t2")));
        assertThat(new Identities(IdentityForm.WWN).of(two, Optional.of("60a0b1"), Optional.empty()))
                .contains(new Identity.Wwn("60:a0:b1"));
        assertThat(new Identities(IdentityForm.WWN).of(List.of(), Optional.of("60a0b1"), Optional.empty())).isEmpty();
        assertThat(new Identities(IdentityForm.LUN_INITIATOR_GROUP).of(two, Optional.empty(), Optional.empty()))
                .contains(new Identity.Luns(List.of(new Identity.Lun(3, Optional.of("hg.1"), Optional.empty()),
                        new Identity.Lun(5, Optional.of("hg.2"), Optional.empty()))));
        assertThat(new Identities(IdentityForm.LUN_TARGET).of(two, Optional.empty(), Optional.empty()))
                .contains(new Identity.Luns(List.of(new Identity.Lun(3, Optional.empty(), Optional.of("iqn.t1")),
                        new Identity.Lun(5, Optional.empty(), Optional.of("iqn.t2")))));
        assertThat(new Identities(IdentityForm.NFS).of(List.of(), Optional.empty(), Optional.of("/exports/a/v1")))
                .contains(new Identity.NfsName("/exports/a/v1"));
    }

    @Test
    @DisplayName("RS-2 REV-7 RES-6 settings hints: valid and equal is fine, invalid or different is a problem")
    void settingsHints() {
        Map<String, String> applied = Map.of("mode", "async", "rpoSeconds", "300", "keep", "5");
        assertThat(SettingsCheck.problem(Optional.empty(), applied)).isEmpty();
        assertThat(SettingsCheck.problem(Optional.of(new ReplicationSettings(applied)), applied)).isEmpty();
        assertThat(SettingsCheck.problem(Optional.of(new ReplicationSettings(Map.of("rpoSeconds", "x"))), applied))
                .hasValueSatisfying(p -> assertThat(p).contains("rpoSeconds=x"));
        assertThat(SettingsCheck.problem(Optional.of(new ReplicationSettings(Map.of("keep", "9"))), applied))
                .hasValueSatisfying(p -> assertThat(p).contains("keep is 5"));
        assertThat(SettingsCheck.problem(Optional.of(new ReplicationSettings(Map.of("colour", "red"))), applied))
                .hasValueSatisfying(p -> assertThat(p).contains("unknown setting colour"));
    }
}
