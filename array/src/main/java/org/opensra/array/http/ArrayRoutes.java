package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.daemon.Services;
import org.opensra.array.repl.PeerRegistry;

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
