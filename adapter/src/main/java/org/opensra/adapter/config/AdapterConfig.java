package org.opensra.adapter.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The SRA's configuration, {@code <install folder>/conf/opensra.properties} ({@code sra/conf/} in the
 * distribution): {@code driver=<name>} picks the {@link org.opensra.spi.ArrayDriverFactory}, and keys
 * {@code <name>.<option>} are that driver's options. A missing file means the defaults
 * ({@code driver=embedded}, no options).
 *
 * @param installDir the SRA install folder (where command.pl is)
 * @param source the file read, empty when it does not exist
 * @param driverName the configured driver
 * @param properties every key of the file
 */
public record AdapterConfig(Path installDir, Optional<Path> source, String driverName, Map<String, String> properties) {
    public static final String RELATIVE_PATH = "conf/opensra.properties";
    public static final String DRIVER_KEY = "driver";
    public static final String DEFAULT_DRIVER = "embedded";

    public AdapterConfig {
        properties = Map.copyOf(properties);
    }

    public static AdapterConfig load(Path installDir) throws ConfigException {
        Path file = installDir.resolve(RELATIVE_PATH);
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            read.load(reader);
        } catch (NoSuchFileException e) {
            return new AdapterConfig(installDir, Optional.empty(), DEFAULT_DRIVER, Map.of());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> properties = new TreeMap<>();
        for (String key : read.stringPropertyNames()) {
            properties.put(key, read.getProperty(key).strip());
        }
        String driver = properties.getOrDefault(DRIVER_KEY, DEFAULT_DRIVER);
        if (driver.isEmpty()) {
            throw new ConfigException(file + ": the key " + DRIVER_KEY + " is empty");
        }
        return new AdapterConfig(installDir, Optional.of(file), driver, properties);
    }

    /** The options of the configured driver: keys {@code <driver>.<option>} without the prefix. */
    public Map<String, String> driverOptions() {
        String prefix = driverName + ".";
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
            if (entry.getKey().startsWith(prefix) && entry.getKey().length() > prefix.length()) {
                options.put(entry.getKey().substring(prefix.length()), entry.getValue());
            }
        }
        return options;
    }
}
