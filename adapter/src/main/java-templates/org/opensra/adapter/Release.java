package org.opensra.adapter;

/**
 * The release signature's values, written into this class at build time (Maven resource filtering of
 * src/main/java-templates): reading them costs no resource lookup on the command path.
 */
final class Release {
    static final String NAME = "OpenSRA Storage Replication Adapter";
    static final String VERSION = "${project.version}";
    static final String BUILD_DATE = "${opensra.build.date}";

    private Release() {
    }
}
