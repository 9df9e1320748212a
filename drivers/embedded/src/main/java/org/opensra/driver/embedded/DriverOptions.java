package org.opensra.driver.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The driver's options, keys {@code embedded.<option>} of {@code <sra>/conf/opensra.properties} (the
 * SPI's factory has no options parameter, so the driver reads the file itself; the SRA folder is the
 * parent of the {@code lib/} folder holding this jar, or the system property {@code opensra.sra.home}).
 *
 * @param identity how presented devices are identified (option {@code identity}, default wwn)
 * @param defaultHostGroup host group used to present when a request names no initiators (option
 *     {@code defaultHostGroup}); without it such a presentation keeps the existing mappings or fails
 * @param connectTimeoutSeconds option {@code connectTimeoutSeconds}, default 10
 * @param readTimeoutSeconds option {@code readTimeoutSeconds}, default 120: well below the command deadline
 *     (240 s by default, itself below SRM's 300 s), which bounds every call in any case
 * @param caFile option {@code caFile}: PEM file of the authorities that sign the arrays' TLS certificates
 *     (instead of the system trust store), used when a connection pins no fingerprint
 */
public record DriverOptions(IdentityForm identity, Optional<String> defaultHostGroup,
                            int connectTimeoutSeconds, int readTimeoutSeconds, Optional<Path> caFile) {
    public static final String PREFIX = "embedded.";

    public DriverOptions(IdentityForm identity, Optional<String> defaultHostGroup, int connectTimeoutSeconds,
                         int readTimeoutSeconds) {
        this(identity, defaultHostGroup, connectTimeoutSeconds, readTimeoutSeconds, Optional.empty());
    }

    public static DriverOptions defaults() {
        return new DriverOptions(IdentityForm.WWN, Optional.empty(), 10, 120, Optional.empty());
    }

    /** Options from {@code embedded.*} keys; {@link IllegalArgumentException} naming a bad value. */
    public static DriverOptions from(Map<String, String> properties) {
        DriverOptions d = defaults();
        String identity = properties.get(PREFIX + "identity");
        String hostGroup = properties.get(PREFIX + "defaultHostGroup");
        return new DriverOptions(
                identity == null || identity.isBlank() ? d.identity : IdentityForm.fromOption(identity),
                Optional.ofNullable(hostGroup).map(String::strip).filter(s -> !s.isEmpty()),
                seconds(properties, "connectTimeoutSeconds", d.connectTimeoutSeconds),
                seconds(properties, "readTimeoutSeconds", d.readTimeoutSeconds),
                caFile(properties.get(PREFIX + "caFile")));
    }

    private static Optional<Path> caFile(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(value.strip());
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException(PREFIX + "caFile=" + value.strip() + " is not a readable file");
        }
        return Optional.of(p);
    }

    /** Reads the SRA's configuration file next to this jar; a missing file means the defaults. */
    public static DriverOptions load() {
        return locateConfig().map(DriverOptions::load).orElseGet(DriverOptions::defaults);
    }

    static DriverOptions load(Path file) {
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            read.load(reader);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> map = new LinkedHashMap<>();
        read.stringPropertyNames().forEach(k -> map.put(k, read.getProperty(k).strip()));
        return from(map);
    }

    static Optional<Path> locateConfig() {
        String override = System.getProperty("opensra.sra.home");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override.strip()).resolve("conf/opensra.properties"));
        }
        try {
            CodeSource source = DriverOptions.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path code = Path.of(source.getLocation().toURI());
            Path folder = Files.isDirectory(code) ? code : code.getParent();
            Path sra = folder == null ? null : folder.getParent();
            return sra == null ? Optional.empty() : Optional.of(sra.resolve("conf/opensra.properties"));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int seconds(Map<String, String> properties, String option, int fallback) {
        String value = properties.get(PREFIX + option);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1 || n > 86_400) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + option + "=" + value.strip()
                    + " is not a number of seconds between 1 and 86400");
        }
    }
}
