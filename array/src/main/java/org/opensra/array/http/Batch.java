package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The batch form: one item per requested volume and group id, each with its result or its error. */
public final class Batch {
    private static final Logger LOG = Logger.getLogger(Batch.class.getName());

    @FunctionalInterface
    public interface ItemOp {
        Map<String, Object> apply(String id, boolean group);
    }

    private Batch() {
    }

    public static Map<String, Object> run(JsonNode body, ItemOp op) {
        List<String> volumes = Json.strings(body, "volumes");
        List<String> groups = Json.strings(body, "groups");
        if (volumes.isEmpty() && groups.isEmpty()) {
            throw ArrayException.badRequest("give at least one id in 'volumes' or 'groups'");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String v : volumes) {
            items.add(item(v, false, op));
        }
        for (String g : groups) {
            items.add(item(g, true, op));
        }
        return Json.obj("items", items);
    }

    private static Map<String, Object> item(String id, boolean group, ItemOp op) {
        Map<String, Object> m = Json.obj("object", id, "kind", group ? "group" : "volume");
        try {
            Map<String, Object> result = op.apply(id, group);
            m.put("ok", true);
            m.putAll(result);
        } catch (ArrayException e) {
            m.put("ok", false);
            m.put("error", Json.error(e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "batch item " + id + " failed", e);
            m.put("ok", false);
            m.put("error", Json.error(new ArrayException(ErrorCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), id)));
        }
        return m;
    }
}
