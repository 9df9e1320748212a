package org.opensra.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The release signature logged by every command (LOG-1): name, version and build date, from
 * {@code opensra/release.properties}, filtered at build time.
 */
public record ReleaseInfo(String name, String version, String buildDate) {
    static final String RESOURCE = "opensra/release.properties";

    public static ReleaseInfo load() {
        Properties p = new Properties();
        try (InputStream in = ReleaseInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable signature must not fail a command; the values say so
        }
        return new ReleaseInfo(
                value(p, "name", "OpenSRA"), value(p, "version", "unknown"), value(p, "buildDate", "unknown"));
    }

    private static String value(Properties p, String key, String fallback) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() || v.startsWith("${") ? fallback : v.strip();
    }

    /** {@code OpenSRA 0.1.0 (built 2026-11-25T10:00:00Z)}. */
    public String signature() {
        return name + " " + version + " (built " + buildDate + ")";
    }
}
