package org.opensra.driver.ceph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;

/**
 * One Ceph cluster through its dashboard: its mirroring site name (the array id), its peers' site
 * names, the images of the configured pools, and the image operations the driver needs.
 */
final class Site {
    private static final String FAST_DIFF = "fast-diff";
    private final DashboardClient client;
    private final List<String> pools;
    private String siteName;
    private List<String> peerNames;

    Site(DashboardClient client, List<String> pools) {
        this.client = client;
        this.pools = List.copyOf(pools);
    }

    DashboardClient client() {
        return client;
    }

    List<String> pools() {
        return pools;
    }

    String siteName() throws DriverException {
        if (siteName == null) {
            JsonObject o = object(call("GET", "/api/block/mirroring/site_name", null));
            siteName = o.optString("site_name").orElse("");
            if (siteName.isEmpty()) {
                throw failure("the cluster has no mirroring site name", "site_name");
            }
        }
        return siteName;
    }

    /** Site names of the mirroring peers of the configured pools. */
    List<String> peerNames() throws DriverException {
        if (peerNames == null) {
            List<String> names = new ArrayList<>();
            for (String pool : pools) {
                Object uuids = call("GET", "/api/block/mirroring/pool/" + DashboardClient.segment(pool) + "/peer", null);
                if (!(uuids instanceof List<?> list)) {
                    continue;
                }
                for (Object uuid : list) {
                    JsonObject peer = object(call("GET", "/api/block/mirroring/pool/" + DashboardClient.segment(pool)
                            + "/peer/" + DashboardClient.segment(String.valueOf(uuid)), null));
                    String name = peer.optString("site_name").orElse(String.valueOf(uuid));
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
            peerNames = names;
        }
        return peerNames;
    }

    /** The peer every mirrored image of this driver replicates with (one peer cluster). */
    String peerName() throws DriverException {
        List<String> peers = peerNames();
        if (peers.isEmpty()) {
            throw failure("no mirroring peer is configured for pool(s) " + pools, "peers");
        }
        return peers.get(0);
    }

    /** Every image of the configured pools, by spec {@code pool/name}, in listing order. */
    Map<String, Image> images() throws DriverException {
        Map<String, Image> out = new LinkedHashMap<>();
        for (String pool : pools) {
            Object answer = call("GET", "/api/block/image?pool_name=" + DashboardClient.segment(pool)
                    + "&offset=0&limit=-1", null,
                    DashboardClient.V2);
            if (!(answer instanceof List<?> list)) {
                continue;
            }
            for (Object entry : list) {
                JsonObject poolEntry = JsonObject.wrap(entry);
                for (JsonObject o : poolEntry.objects("value")) {
                    Image image = Image.parse(o);
                    out.put(image.spec(), image);
                }
            }
        }
        return out;
    }

    /** One image, empty when it does not exist. */
    Optional<Image> image(String spec) throws DriverException {
        try {
            Object o = client.get("/api/block/image/" + DashboardClient.segment(spec));
            return Optional.of(Image.parse(JsonObject.wrap(o)));
        } catch (DashboardException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw failure(e.getMessage(), spec);
        }
    }

    // ---------------------------------------------------------------- image operations (throw DashboardException)

    void createSnapshot(String spec, String snapName) throws DriverException, DashboardException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshot_name", snapName);
        body.put("mirrorImageSnapshot", Boolean.FALSE);
        client.post("/api/block/image/" + DashboardClient.segment(spec) + "/snap", body);
    }

    void createMirrorSnapshot(String spec) throws DriverException, DashboardException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshot_name", "opensra");
        body.put("mirrorImageSnapshot", Boolean.TRUE);
        client.post("/api/block/image/" + DashboardClient.segment(spec) + "/snap", body);
    }

    void deleteSnapshot(String spec, String snapName) throws DriverException, DashboardException {
        client.delete("/api/block/image/" + DashboardClient.segment(spec) + "/snap/" + DashboardClient.segment(snapName));
    }

    void rollback(String spec, String snapName) throws DriverException, DashboardException {
        client.post("/api/block/image/" + DashboardClient.segment(spec) + "/snap/" + DashboardClient.segment(snapName)
                + "/rollback", new LinkedHashMap<>());
    }

    void clone(String spec, String snapName, String childSpec) throws DriverException, DashboardException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("child_pool_name", Names.pool(childSpec));
        body.put("child_image_name", Names.image(childSpec));
        client.post("/api/block/image/" + DashboardClient.segment(spec) + "/snap/" + DashboardClient.segment(snapName)
                + "/clone", body);
    }

    void createImage(String spec, long bytes) throws DriverException, DashboardException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Names.image(spec));
        body.put("pool_name", Names.pool(spec));
        body.put("size", Long.valueOf(bytes));
        client.post("/api/block/image", body);
    }

    /** The images and the markers of the configured pools. */
    Listing listing() throws DriverException {
        Map<String, Image> images = images();
        java.util.Set<String> markers = new java.util.HashSet<>();
        for (String pool : pools) {
            Optional<Image> state = image(Names.stateImage(pool));
            if (state.isPresent()) {
                for (Image.Snap s : state.get().snaps()) {
                    markers.add(pool + "/" + s.name());
                }
            }
        }
        return new Listing(images, markers);
    }

    /** Sets a marker ({@code pool/kind.image}, see {@link Names}); setting a set marker changes nothing. */
    void ensureMarker(String marker) throws DriverException, DashboardException {
        String state = Names.stateImage(Names.pool(marker));
        try {
            createSnapshot(state, Names.image(marker));
            return;
        } catch (DashboardException e) {
            if (exists(e)) {
                return;
            }
            if (!e.notFound()) {
                throw e;
            }
        }
        try {
            createImage(state, Names.MARKER_BYTES);
        } catch (DashboardException e) {
            if (!exists(e)) {
                throw e;
            }
        }
        try {
            createSnapshot(state, Names.image(marker));
        } catch (DashboardException e) {
            if (!exists(e)) {
                throw e;
            }
        }
    }

    /** Clears a marker; false when it was not set. */
    boolean deleteMarker(String marker) throws DriverException, DashboardException {
        try {
            deleteSnapshot(Names.stateImage(Names.pool(marker)), Names.image(marker));
            return true;
        } catch (DashboardException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    private static boolean exists(DashboardException e) {
        return DashboardException.EEXIST.equals(e.code()) || e.getMessage().contains("exists");
    }

    /** Deletes an image; false when it did not exist. */
    boolean deleteImage(String spec) throws DriverException, DashboardException {
        try {
            client.delete("/api/block/image/" + DashboardClient.segment(spec));
            return true;
        } catch (DashboardException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Makes the next mirror snapshot's diff be computed object by object: disables and re-enables the image's
     * fast-diff feature, which flags its object map "fast diff invalid" (until {@code rbd object-map rebuild}).
     * Needed after a rollback: Pacific's rollback copies the snapshot's object map to the image, objects
     * unchanged before that snapshot stay "exists, clean", and rbd-mirror's fast diff then skips exactly the
     * objects the rollback changed (the peer keeps the rolled-back data). False when the image has no fast-diff.
     */
    boolean invalidateFastDiff(String spec) throws DriverException, DashboardException {
        JsonObject o = JsonObject.wrap(client.get("/api/block/image/" + DashboardClient.segment(spec)));
        List<String> features = o.strings("features_name");
        if (!features.contains(FAST_DIFF)) {
            return false;
        }
        List<String> without = new ArrayList<>(features);
        without.remove(FAST_DIFF);
        Map<String, Object> off = new LinkedHashMap<>();
        off.put("features", without);
        edit(spec, off);
        Map<String, Object> on = new LinkedHashMap<>();
        on.put("features", new ArrayList<>(features));
        edit(spec, on);
        return true;
    }

    /** PUT on the image: {@code primary}, {@code force}, {@code resync}. */
    void edit(String spec, Map<String, Object> body) throws DriverException, DashboardException {
        client.put("/api/block/image/" + DashboardClient.segment(spec), body);
    }

    private Object call(String method, String path, Object unused) throws DriverException {
        return call(method, path, unused, DashboardClient.V1);
    }

    /** A read (every call through here is a GET). */
    private Object call(String method, String path, Object unused, String version) throws DriverException {
        try {
            return client.get(path, version);
        } catch (DashboardException e) {
            throw failure(e.getMessage(), path);
        }
    }

    private static JsonObject object(Object o) throws DriverException {
        if (!(o instanceof Map<?, ?>)) {
            throw new DriverException(DriverError.OPERATION_FAILED, Map.of("Object", "dashboard", "Reason",
                    "unexpected answer"), "the dashboard's answer is not a JSON object");
        }
        return JsonObject.wrap(o);
    }

    DriverException failure(String reason, String object) {
        return new DriverException(DriverError.OPERATION_FAILED, Map.of("Object", object, "Reason", reason),
                "the Ceph cluster at " + client.address() + " refused: " + reason);
    }
}
