package org.opensra.driver.ceph;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.driver.embedded.json.JsonObject;

/**
 * One RBD image as the dashboard lists it: pool, name, image id, mirroring mode, parent (for clones)
 * and its snapshots in id order, user and mirror ones. Mirroring state is read from the snapshots (the
 * API has no primary flag): the newest mirror snapshot says primary, primary-demoted, non-primary or
 * non-primary-demoted.
 */
record Image(String pool, String name, String id, boolean mirrored, Optional<String> parent, List<Snap> snaps) {
    /** Mirror snapshot states (librbd's snap_mirror_state_t). */
    static final int PRIMARY = 0;
    static final int PRIMARY_DEMOTED = 1;
    static final int NON_PRIMARY = 2;
    static final int NON_PRIMARY_DEMOTED = 3;
    /** librbd's snapshot namespaces. */
    static final int USER = 0;
    static final int MIRROR = 3;

    /** The device id: {@code pool/name}, the same at both sites for a mirrored image. */
    String spec() {
        return pool + "/" + name;
    }

    /** The newest mirror snapshot, empty for an image that is not mirrored (or not yet). */
    Optional<Snap> lastMirror() {
        for (int i = snaps.size() - 1; i >= 0; i--) {
            if (snaps.get(i).namespace() == MIRROR) {
                return Optional.of(snaps.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest complete mirror snapshot. */
    Optional<Snap> lastCompleteMirror() {
        for (int i = snaps.size() - 1; i >= 0; i--) {
            Snap s = snaps.get(i);
            if (s.namespace() == MIRROR && s.complete()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    int mirrorState() {
        Optional<Snap> last = lastMirror();
        return last.isPresent() ? last.get().mirrorState() : -1;
    }

    boolean isPrimary() {
        return mirrorState() == PRIMARY;
    }

    boolean isNonPrimary() {
        int s = mirrorState();
        return s == NON_PRIMARY || s == NON_PRIMARY_DEMOTED;
    }

    /** The newest user snapshot whose name starts with {@code prefix}. */
    Optional<Snap> newestUserSnap(String prefix) {
        for (int i = snaps.size() - 1; i >= 0; i--) {
            Snap s = snaps.get(i);
            if (s.namespace() == USER && s.name().startsWith(prefix)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    Optional<Snap> userSnap(String snapName) {
        for (Snap s : snaps) {
            if (s.namespace() == USER && s.name().equals(snapName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The mirror global id, the same for the image at both sites: it is part of every mirror snapshot's
     * name ({@code .mirror.primary.<global id>.<uuid>}, {@code .mirror.non_primary.<global id>.<uuid>}).
     */
    Optional<String> globalId() {
        for (Snap s : snaps) {
            if (s.namespace() != MIRROR) {
                continue;
            }
            String n = s.name();
            int start = n.startsWith(".mirror.primary.") ? ".mirror.primary.".length()
                    : n.startsWith(".mirror.non_primary.") ? ".mirror.non_primary.".length() : -1;
            if (start > 0) {
                int end = n.indexOf('.', start);
                return Optional.of(end > start ? n.substring(start, end) : n.substring(start));
            }
        }
        return Optional.empty();
    }

    /**
     * A snapshot.
     *
     * @param mirrorState for mirror snapshots, the state; -1 otherwise
     * @param primarySnapId for non-primary mirror snapshots, the id of the primary's snapshot copied
     * @param peers for primary mirror snapshots, the peers still linked to it (rbd-mirror unlinks a peer
     *     from a snapshot once it has copied a newer one)
     */
    record Snap(long id, String name, int namespace, int mirrorState, boolean complete, String primarySnapId,
                List<String> peers, Instant time) {
    }

    /** Parses one image of GET /api/block/image/{spec} or of the v2 list. */
    static Image parse(JsonObject o) {
        List<Snap> snaps = new ArrayList<>();
        for (JsonObject s : o.objects("snapshots")) {
            int namespace = intOf(s.members().get("namespace"), USER);
            int state = -1;
            boolean complete = true;
            String primarySnap = "";
            List<String> peers = List.of();
            Optional<JsonObject> mirror = s.optObject("mirror");
            if (namespace == MIRROR && mirror.isPresent()) {
                JsonObject m = mirror.get();
                state = intOf(m.members().get("state"), -1);
                complete = m.bool("complete", false);
                Object ps = m.members().get("primary_snap_id");
                primarySnap = ps == null ? "" : String.valueOf(ps);
                peers = m.strings("mirror_peer_uuids");
            }
            snaps.add(new Snap(longOf(s.members().get("id")), s.optString("name").orElse(""), namespace, state,
                    complete, primarySnap, peers, time(s.optString("timestamp").orElse(""))));
        }
        snaps.sort(BY_ID);
        Optional<String> parent = Optional.empty();
        Object p = o.members().get("parent");
        if (p instanceof Map<?, ?> pm && pm.get("image_name") != null) {
            parent = Optional.of(pm.get("pool_name") + "/" + pm.get("image_name") + "@" + pm.get("snap_name"));
        }
        String mode = o.optString("mirror_mode").orElse("");
        return new Image(o.optString("pool_name").orElse(""), o.string("name"), o.optString("id").orElse(""),
                "snapshot".equals(mode), parent, snaps);
    }

    private static final java.util.Comparator<Snap> BY_ID = new java.util.Comparator<>() {
        @Override
        public int compare(Snap a, Snap b) {
            return Long.compare(a.id(), b.id());
        }
    };

    static Instant time(String text) {
        if (text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static int intOf(Object v, int fallback) {
        if (v instanceof Long l) {
            return (int) (long) l;
        }
        if (v instanceof Double d) {
            return (int) (double) d;
        }
        if (v instanceof String s && s.equals("mirror")) {
            return MIRROR;
        }
        if (v instanceof String s && s.equals("user")) {
            return USER;
        }
        return fallback;
    }

    private static long longOf(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return (long) (double) d;
        }
        return -1;
    }
}
