package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.daemon.Services;
import org.opensra.array.present.Presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hosts, host groups, mappings and NFS exports. */
public final class PresentationRoutes {
    private PresentationRoutes() {
    }

    public static void register(Router r, Services s) {
        Presentation p = s.presentation();
        r.post("/api/v1/hosts", q -> Reply.created(p.createHost(Json.required(q.body(), "name"), initiators(q.body()))));
        r.get("/api/v1/hosts", q -> p.hosts());
        r.post("/api/v1/host-groups", q -> Reply.created(p.createHostGroup(Json.required(q.body(), "name"),
            Json.strings(q.body(), "hosts"))));
        r.get("/api/v1/host-groups", q -> p.hostGroups());
        r.get("/api/v1/mappings", q -> p.mappings());
        r.post("/api/v1/mappings/map", q -> {
            JsonNode b = q.body();
            String group = Json.text(b, "hostGroup");
            List<Presentation.Initiator> inits = initiators(b);
            Integer lun = b.hasNonNull("lun") ? b.get("lun").asInt() : null;
            return volumeBatch(b, id -> p.map(id, group, inits, lun));
        });
        r.post("/api/v1/mappings/unmap", q -> {
            JsonNode b = q.body();
            String group = Json.text(b, "hostGroup");
            List<Presentation.Initiator> inits = initiators(b);
            return volumeBatch(b, id -> p.unmap(id, group, inits));
        });
        r.post("/api/v1/nfs/export", q -> {
            JsonNode b = q.body();
            List<String> clients = Json.strings(b, "clients");
            return volumeBatch(b, id -> p.export(id, clients));
        });
    }

    private static Map<String, Object> volumeBatch(JsonNode b, java.util.function.Function<String, Map<String, Object>> op) {
        if (!Json.strings(b, "groups").isEmpty()) {
            throw ArrayException.badRequest("mappings take volume ids only");
        }
        return Batch.run(b, (id, group) -> op.apply(id));
    }

    static List<Presentation.Initiator> initiators(JsonNode b) {
        List<Presentation.Initiator> out = new ArrayList<>();
        JsonNode arr = b.get("initiators");
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw ArrayException.badRequest("'initiators' must be a list of {type, id}");
        }
        for (JsonNode n : arr) {
            out.add(Presentation.Initiator.parse(n));
        }
        return out;
    }
}
