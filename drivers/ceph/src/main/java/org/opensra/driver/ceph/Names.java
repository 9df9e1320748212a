package org.opensra.driver.ceph;

/**
 * The names the driver gives what it creates, all in the mirrored image's pool. Markers record the SRA
 * state an image is in when the mirroring state alone cannot tell; they are snapshots of one small
 * unmirrored image per pool and site, {@code opensra.state} (it can take snapshots whatever the role
 * of the images, unlike a non-primary image, and reading it is one call that the dashboard does not
 * cache, unlike its image list, which it caches for 30 s). A marker is made before the step it
 * describes, so a run killed in between is completed by the next one.
 */
final class Names {
    /** User snapshots a sync takes at the primary right before its mirror snapshot (test copies clone them). */
    static final String SYNC_SNAP_PREFIX = "opensra-sync-";
    /**
     * The user snapshot taken at the source before it is demoted (PF-4), {@code opensra-prefailover-<ms>}.
     * Every user snapshot name is unique: rbd-mirror fails to copy a peer's snapshot whose name a local
     * one already has ("failed to copy snapshots from remote to local image"), and a non-primary image
     * keeps its old local snapshots.
     */
    static final String PREFAILOVER_PREFIX = "opensra-prefailover-";
    /**
     * User snapshot taken at the recovery site right after a promote (failover): what prepareRestore rolls
     * the promoted image back to before demoting it, so that nothing written there after failover leaves it.
     */
    static final String POSTFAILOVER_PREFIX = "opensra-postfailover-";
    static final String TEST_COPY_SUFFIX = ".opensra-test";
    static final String STATE_IMAGE = "opensra.state";
    static final String PROMOTED_MARKER = "promoted.";
    static final String DEMOTED_MARKER = "demoted.";
    static final String TEST_MARKER = "test.";
    /** Set before a forced promote: the promoted image's history may diverge from its peer's. */
    static final String FORCED_MARKER = "forced.";
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

    static String stateImage(String pool) {
        return pool + "/" + STATE_IMAGE;
    }

    /** Markers are written {@code pool/kind.image} in a {@link Listing}. */
    static String promotedMarker(String spec) {
        return pool(spec) + "/" + PROMOTED_MARKER + image(spec);
    }

    static String demotedMarker(String spec) {
        return pool(spec) + "/" + DEMOTED_MARKER + image(spec);
    }

    static String forcedMarker(String spec) {
        return pool(spec) + "/" + FORCED_MARKER + image(spec);
    }

    static String testMarker(String spec) {
        return pool(spec) + "/" + TEST_MARKER + image(spec);
    }

    static boolean isOwn(String imageName) {
        return imageName.equals(STATE_IMAGE) || imageName.endsWith(TEST_COPY_SUFFIX);
    }
}
