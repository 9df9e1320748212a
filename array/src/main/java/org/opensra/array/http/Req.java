package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One API request: path parameters, query parameters and the (lazily parsed) JSON body. */
public final class Req {
    private final HttpExchange exchange;
    private final Map<String, String> params;
    private final String user;
    private final Map<String, String> query = new HashMap<>();
    private JsonNode body;

    Req(HttpExchange exchange, Map<String, String> params, String user) {
        this.exchange = exchange;
        this.params = params;
        this.user = user;
        String q = exchange.getRequestURI().getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                int i = kv.indexOf('=');
                String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
                String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
                query.put(k, v);
            }
        }
    }

    /** The authenticated account's name. */
    public String user() {
        return user;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String param(String name) {
        return params.get(name);
    }

    public String query(String name) {
        return query.get(name);
    }

    public long queryLong(String name, long dflt) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ArrayException.badRequest("query parameter " + name + " must be a number: " + v);
        }
    }

    /** The raw request body (a data write), failing with PAYLOAD_TOO_LARGE past {@link HttpLimits#MAX_DATA_BODY}. */
    public InputStream dataBody() {
        return new CappedInputStream(exchange.getRequestBody(), HttpLimits.MAX_DATA_BODY);
    }

    /** The JSON body, at most {@link HttpLimits#MAX_JSON_BODY} bytes. */
    public JsonNode body() throws IOException {
        if (body == null) {
            byte[] raw = new CappedInputStream(exchange.getRequestBody(), HttpLimits.MAX_JSON_BODY).readAllBytes();
            try {
                body = raw.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(raw);
            } catch (IOException e) {
                throw ArrayException.badRequest("request body is not valid JSON");
            }
            if (body == null || !body.isObject()) {
                throw ArrayException.badRequest("request body must be a JSON object");
            }
        }
        return body;
    }
}
