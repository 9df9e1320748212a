package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.daemon.Services;
import org.opensra.array.repl.PeerRegistry;
import org.opensra.array.store.Compactor;

/** {@code /array} and {@code /peers}. */
public final class ArrayRoutes {
    public static final String VERSION = "0.1.0";

    private ArrayRoutes() {
    }

    public static void register(Router r, Services s) {
        register(r, s, null);
    }

    /** With the SHA-256 fingerprint of the daemon's TLS certificate (null: plain HTTP, --insecure). */
    public static void register(Router r, Services s, String tlsFingerprint) {
        r.get("/api/v1/array", q -> Json.obj("id", s.arrayId(), "name", s.arrayName(), "model", "OpenSRA Embedded Array",
            "vendor", "OpenSRA", "software", Json.obj("name", "OpenSRA Replication", "version", VERSION),
            "oneLunPerIscsiTarget", s.oneLunPerIscsiTarget(), "peers", s.peers().describe(!"false".equals(q.query("probe"))),
            "ports", s.presentation().ports(), "tls", tlsFingerprint == null ? Json.obj("enabled", false)
                : Json.obj("enabled", true, "fingerprint", "SHA256:" + tlsFingerprint)));
        r.get("/api/v1/array/space", q -> org.opensra.array.core.SpaceUsage.of(s.volumes()));
        r.post("/api/v1/array/compact", q -> {
            JsonNode b = q.body();
            double mbPerSecond = b == null ? 0 : b.path("mbPerSecond").asDouble(0);
            if (mbPerSecond < 0) {
                throw ArrayException.badRequest("mbPerSecond must be >= 0 (0: as fast as the disk goes)");
            }
            Compactor.Pass p = s.reclamation().compactNow((long) (mbPerSecond * (1 << 20)));
            return Json.obj("movedBytes", p.movedBytes(), "reclaimedBytes", p.reclaimedBytes(),
                "dataFileBytesBefore", p.bytesBefore(), "dataFileBytes", p.bytesAfter(), "seconds", p.seconds(),
                "finished", p.finished());
        });
        r.get("/api/v1/peers", q -> Json.obj("peers", s.peers().describe(true)));
        r.post("/api/v1/peers", q -> {
            JsonNode b = q.body();
            String password = Json.text(b, "password");
            if (password == null) {
                throw ArrayException.badRequest("missing field 'password'");
            }
            PeerRegistry.Peer p = s.peers().add(Json.required(b, "id"), Json.required(b, "address"),
                Json.required(b, "username"), password.toCharArray(), Json.text(b, "fingerprint"));
            return Reply.created(Json.obj("id", p.id(), "address", p.address(), "username", p.username(),
                "reachable", s.peers().client(p.id()).reachable()));
        });
    }
}
