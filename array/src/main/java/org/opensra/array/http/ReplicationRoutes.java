package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.daemon.Services;
import org.opensra.array.repl.ReplicationBatch;
import org.opensra.array.repl.ReplicationConfig;

/** Replication configuration, listing and the batch operations. */
public final class ReplicationRoutes {
    private ReplicationRoutes() {
    }

    public static void register(Router r, Services s) {
        r.post("/api/v1/replication/pairs", q -> {
            JsonNode b = q.body();
            String id = s.config().createPair(Json.required(b, "volume"), Json.required(b, "peer"),
                b.path("rpoSeconds").asInt(ReplicationConfig.DEFAULT_RPO), b.path("keep").asInt(ReplicationConfig.DEFAULT_KEEP));
            return Reply.created(single(s.queries().listing(id, null), "pairs"));
        });
        r.post("/api/v1/replication/groups", q -> {
            JsonNode b = q.body();
            String id = s.config().createGroup(Json.required(b, "name"), Json.strings(b, "volumes"), Json.required(b, "peer"),
                b.path("rpoSeconds").asInt(ReplicationConfig.DEFAULT_RPO), b.path("keep").asInt(ReplicationConfig.DEFAULT_KEEP));
            return Reply.created(single(s.queries().listing(null, id), "groups"));
        });
        ReplicationBatch batch = new ReplicationBatch(s.config(), s.peers(), s.arrayId());
        r.post("/api/v1/replication/pairs/batch", q -> batch.createPairs(q.body()));
        r.post("/api/v1/replication/groups/batch", q -> batch.createGroups(q.body()));
        r.get("/api/v1/replication", q -> s.queries().listing(null, null));
        r.get("/api/v1/replication/pairs/{id}", q -> single(s.queries().listing(q.param("id"), null), "pairs"));
        r.get("/api/v1/replication/groups/{id}", q -> single(s.queries().listing(null, q.param("id")), "groups"));
        r.get("/api/v1/replication/health", q -> s.queries().health());
        r.post("/api/v1/replication/recovery-points", q -> Batch.run(q.body(), s.queries()::recoveryPoints));
        r.post("/api/v1/replication/sync", q -> Batch.run(q.body(), s.sync()::sync));
        r.get("/api/v1/jobs/{id}", q -> s.sync().job(q.param("id")));
        r.post("/api/v1/replication/demote", q -> Batch.run(q.body(), s.roles()::demote));
        r.post("/api/v1/replication/promote", q -> {
            String rp = Json.text(q.body(), "recoveryPoint");
            return Batch.run(q.body(), (id, group) -> s.roles().promote(id, group, rp));
        });
        r.post("/api/v1/replication/reverse", q -> Batch.run(q.body(), s.roles()::reverse));
        r.post("/api/v1/replication/restore", q -> Batch.run(q.body(), s.roles()::restore));
        r.post("/api/v1/replication/test-clones", q -> {
            String rp = Json.text(q.body(), "recoveryPoint");
            String name = Json.text(q.body(), "name");
            return Batch.run(q.body(), (id, group) -> s.testClones().create(id, group, rp, name));
        });
        r.post("/api/v1/replication/test-clones/delete", q -> Batch.run(q.body(), s.testClones()::delete));
    }

    private static Object single(java.util.Map<String, Object> listing, String key) {
        java.util.List<?> l = (java.util.List<?>) listing.get(key);
        if (l.isEmpty()) {
            throw ArrayException.notFound(key, "?");
        }
        return l.get(0);
    }
}
