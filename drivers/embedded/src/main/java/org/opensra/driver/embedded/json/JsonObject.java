package org.opensra.driver.embedded.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed, read-only access to a parsed JSON object. Missing required members and members of the wrong
 * type are {@link JsonException}s naming the member.
 */
public final class JsonObject {
    private final Map<String, Object> members;

    private JsonObject(Map<String, Object> members) {
        this.members = members;
    }

    @SuppressWarnings("unchecked")
    public static JsonObject wrap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new JsonException("expected a JSON object, got " + kind(value));
        }
        return new JsonObject((Map<String, Object>) value);
    }

    public boolean has(String name) {
        return members.get(name) != null;
    }

    /** A required string member. */
    public String string(String name) {
        return optString(name).orElseThrow(() -> new JsonException("missing string member '" + name + "'"));
    }

    /** A string member, empty when absent or null. */
    public Optional<String> optString(String name) {
        Object value = members.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new JsonException("member '" + name + "' should be a string, is " + kind(value));
        }
        return Optional.of(s);
    }

    public boolean bool(String name, boolean fallback) {
        Object value = members.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new JsonException("member '" + name + "' should be a boolean, is " + kind(value));
        }
        return b;
    }

    public OptionalLong optLong(String name) {
        Object value = members.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value instanceof Long l) {
            return OptionalLong.of(l);
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return OptionalLong.of(d.longValue());
        }
        throw new JsonException("member '" + name + "' should be an integer, is " + kind(value));
    }

    public long longValue(String name) {
        return optLong(name).orElseThrow(() -> new JsonException("missing number member '" + name + "'"));
    }

    /** An object member, empty when absent or null. */
    public Optional<JsonObject> optObject(String name) {
        Object value = members.get(name);
        return value == null ? Optional.empty() : Optional.of(wrap(value));
    }

    public JsonObject object(String name) {
        return optObject(name).orElseThrow(() -> new JsonException("missing object member '" + name + "'"));
    }

    /** An array of objects; an absent or null member is an empty list. */
    public List<JsonObject> objects(String name) {
        List<Object> raw = rawList(name);
        List<JsonObject> out = new ArrayList<>(raw.size());
        for (Object item : raw) {
            out.add(wrap(item));
        }
        return out;
    }

    /** An array of strings; an absent or null member is an empty list. */
    public List<String> strings(String name) {
        List<Object> raw = rawList(name);
        List<String> out = new ArrayList<>(raw.size());
        for (Object item : raw) {
            if (!(item instanceof String s)) {
                throw new JsonException("member '" + name + "' should hold strings, holds " + kind(item));
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> rawList(String name) {
        Object value = members.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new JsonException("member '" + name + "' should be an array, is " + kind(value));
        }
        return (List<Object>) value;
    }

    /** The members as parsed (read-only use). */
    public Map<String, Object> members() {
        return java.util.Collections.unmodifiableMap(members);
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return JsonWriter.write(members);
    }
}
