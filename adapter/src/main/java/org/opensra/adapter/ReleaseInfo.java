package org.opensra.adapter;

/**
 * The release signature logged by every command (LOG-1): name, version and build date, compiled into
 * the generated {@code Release} class at build time.
 */
public record ReleaseInfo(String name, String version, String buildDate) {

    public static ReleaseInfo load() {
        return new ReleaseInfo(Release.NAME, Release.VERSION, Release.BUILD_DATE);
    }

    /** {@code OpenSRA Storage Replication Adapter 0.1.0 (built 2026-11-25T10:00:00Z)}: the name queryInfo reports. */
    public String signature() {
        return name + " " + version + " (built " + buildDate + ")";
    }
}
