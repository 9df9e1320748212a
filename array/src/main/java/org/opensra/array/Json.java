package org.opensra.array;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON mapper and small helpers to build response objects in field order. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.ALWAYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** A value as JSON bytes; a value that cannot be encoded (a programming error) fails as INTERNAL. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot encode JSON: " + e.getOriginalMessage(), null, e);
        }
    }

    /** An ordered map from alternating keys and values. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw ArrayException.badRequest("missing field '" + field + "'");
        }
        return v;
    }

    public static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode arr = n == null ? null : n.get(field);
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw ArrayException.badRequest("field '" + field + "' must be a list");
        }
        for (JsonNode e : arr) {
            if (!e.isTextual()) {
                throw ArrayException.badRequest("field '" + field + "' must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    public static Map<String, Object> error(ArrayException e) {
        return obj("code", e.code().name(), "message", e.getMessage(), "object", e.object());
    }
}
