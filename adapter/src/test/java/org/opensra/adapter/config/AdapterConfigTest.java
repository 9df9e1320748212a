package org.opensra.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterConfigTest {

    @Test
    @DisplayName("conf/opensra.properties names the driver; <driver>.<option> keys are its options")
    void readsDriverAndOptions(@TempDir Path install) throws Exception {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve(AdapterConfig.RELATIVE_PATH),
                "# comment\ndriver = embedded\nembedded.identity = wwn\nembedded.timeoutSeconds=30\nother.x=1\n");
        AdapterConfig config = AdapterConfig.load(install);
        assertThat(config.driverName()).isEqualTo("embedded");
        assertThat(config.driverOptions()).isEqualTo(Map.of("identity", "wwn", "timeoutSeconds", "30"));
        assertThat(config.source()).contains(install.resolve(AdapterConfig.RELATIVE_PATH));
    }

    @Test
    @DisplayName("a missing configuration file means driver=embedded without options")
    void defaults(@TempDir Path install) throws Exception {
        AdapterConfig config = AdapterConfig.load(install);
        assertThat(config.driverName()).isEqualTo("embedded");
        assertThat(config.driverOptions()).isEmpty();
        assertThat(config.source()).isEmpty();
    }

    @Test
    @DisplayName("the distribution's sra/conf/opensra.properties configures the embedded driver")
    void distributionFile() throws Exception {
        Path sra = Path.of("..", "dist", "src", "main", "dist", "sra");
        assertThat(AdapterConfig.load(sra).driverName()).isEqualTo("embedded");
    }

    @Test
    @DisplayName("an empty driver key or an unreadable file is a ConfigException")
    void badFiles(@TempDir Path install) throws IOException {
        Files.createDirectories(install.resolve(AdapterConfig.RELATIVE_PATH));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdapterConfig.load(install))
                .isInstanceOf(ConfigException.class);
        Path other = Files.createDirectories(install.resolve("other/conf"));
        Files.writeString(other.resolve("opensra.properties"), "driver=\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdapterConfig.load(install.resolve("other")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("driver");
    }

    @Test
    @DisplayName("the install folder is the parent of the folder holding the adapter's jar (sra/lib/x.jar -> sra)")
    void installFolderFromJar(@TempDir Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("sra/lib"));
        Path jar = Files.writeString(lib.resolve("opensra-adapter.jar"), "");
        assertThat(InstallFolder.fromCodeLocation(jar)).isEqualTo(dir.resolve("sra").toAbsolutePath());
    }
}
