package org.opensra.driver.ceph;

/**
 * The names the driver gives what it creates, all in the mirrored image's pool. Markers are tiny
 * unmirrored images (they can be created at either site whatever the image's role, unlike snapshots,
 * which a non-primary image refuses): they record the SRA state an image is in when the mirroring
 * state alone cannot tell, and they are made before the step they describe, so a run killed in
 * between is completed by the next one.
 */
final class Names {
    /** User snapshots a sync takes at the primary right before its mirror snapshot (test copies clone them). */
    static final String SYNC_SNAP_PREFIX = "opensra-sync-";
    /** The user snapshot taken at the source before it is demoted (PF-4). */
    static final String PREFAILOVER_SNAP = "opensra-prefailover";
    static final String TEST_COPY_SUFFIX = ".opensra-test";
    static final String PROMOTED_MARKER = "opensra.promoted.";
    static final String DEMOTED_MARKER = "opensra.demoted.";
    /** Size of a marker image (thin: no data is written). */
    static final long MARKER_BYTES = 1L << 20;

    private Names() {
    }

    static String pool(String spec) {
        int slash = spec.indexOf('/');
        return slash < 0 ? "" : spec.substring(0, slash);
    }

    static String image(String spec) {
        int slash = spec.indexOf('/');
        return slash < 0 ? spec : spec.substring(slash + 1);
    }

    static String testCopy(String spec) {
        return spec + TEST_COPY_SUFFIX;
    }

    static String promotedMarker(String spec) {
        return pool(spec) + "/" + PROMOTED_MARKER + image(spec);
    }

    static String demotedMarker(String spec) {
        return pool(spec) + "/" + DEMOTED_MARKER + image(spec);
    }

    static boolean isOwn(String imageName) {
        return imageName.startsWith(PROMOTED_MARKER) || imageName.startsWith(DEMOTED_MARKER)
                || imageName.endsWith(TEST_COPY_SUFFIX);
    }
}
