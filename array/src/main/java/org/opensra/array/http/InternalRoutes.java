package org.opensra.array.http;

import org.opensra.array.Json;
import org.opensra.array.daemon.Services;

/** Daemon-to-daemon endpoints (same authentication; not for the driver). */
public final class InternalRoutes {
    private InternalRoutes() {
    }

    public static void register(Router r, Services s) {
        r.get("/internal/v1/ping", q -> Json.obj("id", s.arrayId()));
        r.post("/internal/v1/replicas", q -> Reply.created(s.config().createReplica(q.body())));
        r.post("/internal/v1/replicas/batch", q -> s.config().createReplicas(q.body()));
        r.post("/internal/v1/replication/state", q -> s.receiver().state(Json.strings(q.body(), "pairs")));
        r.post("/internal/v1/replication/transfer-ticket", q -> s.transferPort().ticket(q.user(),
            new java.util.HashSet<>(Json.strings(q.body(), "pairs"))));
        r.post("/internal/v1/replication/become-target", q -> s.roles().becomeTarget(q.body()));
        r.post("/internal/v1/replication/become-source", q -> s.roles().becomeSource(q.body()));
    }
}
