package org.opensra.driver.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.spi.ObjectRef;

/**
 * The array's batch form (API.md, "Batch form"): a request {@code {"volumes": [...], "groups": [...]}}
 * and its answer's items, one per requested id, volumes first then groups. Ids that cannot be array
 * ids (API ids are {@code [a-z0-9.-]}) are never sent: they are unknown by construction.
 */
final class RefBatch {
    private static final Pattern ARRAY_ID = Pattern.compile("[a-z0-9.-]{1,200}");

    private final List<ObjectRef> sent;
    private final Set<ObjectRef> rejected;

    RefBatch(Collection<ObjectRef> refs) {
        Set<ObjectRef> distinct = new LinkedHashSet<>(refs);
        List<ObjectRef> volumes = new ArrayList<>();
        List<ObjectRef> groups = new ArrayList<>();
        Set<ObjectRef> bad = new LinkedHashSet<>();
        for (ObjectRef ref : distinct) {
            if (!ARRAY_ID.matcher(ref.id()).matches()) {
                bad.add(ref);
            } else if (ref.isGroup()) {
                groups.add(ref);
            } else {
                volumes.add(ref);
            }
        }
        this.sent = new ArrayList<>(volumes);
        this.sent.addAll(groups);
        this.rejected = bad;
    }

    static boolean isArrayId(String id) {
        return ARRAY_ID.matcher(id).matches();
    }

    boolean isEmpty() {
        return sent.isEmpty();
    }

    /** Refs not sent because they cannot name an array object. */
    Set<ObjectRef> rejected() {
        return rejected;
    }

    /** The request body, with extra members (e.g. recoveryPoint). */
    Map<String, Object> body(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volumes", sent.stream().filter(r -> !r.isGroup()).map(ObjectRef::id).toList());
        body.put("groups", sent.stream().filter(ObjectRef::isGroup).map(ObjectRef::id).toList());
        body.putAll(extra);
        return body;
    }

    /**
     * The answer's items by requested ref: matched by kind and object id, else by position (the API
     * answers in request order). Refs without an item are absent from the map.
     */
    Map<ObjectRef, JsonObject> items(JsonObject answer) {
        List<JsonObject> items = answer.objects("items");
        Map<String, ObjectRef> byKey = new HashMap<>();
        for (ObjectRef ref : sent) {
            byKey.put(key(ref.isGroup(), ref.id()), ref);
        }
        Map<ObjectRef, JsonObject> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            boolean group = "group".equals(item.optString("kind").orElse(null));
            ObjectRef ref = item.optString("object").map(o -> byKey.get(key(group, o))).orElse(null);
            if (ref == null && i < sent.size()) {
                ref = sent.get(i);
            }
            if (ref != null) {
                out.putIfAbsent(ref, item);
            }
        }
        return out;
    }

    private static String key(boolean group, String id) {
        return (group ? "g:" : "v:") + id;
    }
}
