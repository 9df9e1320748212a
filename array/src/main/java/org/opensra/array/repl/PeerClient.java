package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP/JSON calls to a peer array, authenticated with the peer credential. */
public final class PeerClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private final String peerId;
    private final String base;
    private final String authorization;

    public PeerClient(String peerId, String address, String username, char[] password) {
        this.peerId = peerId;
        String a = address.startsWith("http://") ? address : "http://" + address;
        this.base = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
            (username + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }

    public String peerId() {
        return peerId;
    }

    public JsonNode get(String path, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), timeout);
    }

    public JsonNode post(String path, Object body, Duration timeout) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(body);
            return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), timeout);
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot encode a request to peer " + peerId, peerId, e);
        }
    }

    public JsonNode post(String path, Object body) {
        return post(path, body, Duration.ofSeconds(60));
    }

    public boolean reachable() {
        try {
            get("/internal/v1/ping", Duration.ofSeconds(2));
            return true;
        } catch (ArrayException e) {
            return false;
        }
    }

    private JsonNode send(HttpRequest.Builder b, Duration timeout) {
        HttpRequest req = b.header("Authorization", authorization).timeout(timeout).build();
        HttpResponse<byte[]> resp;
        try {
            resp = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        return decode(resp.statusCode(), resp.body());
    }

    private ArrayException unreachable(Exception e) {
        return new ArrayException(ErrorCode.PEER_UNREACHABLE, "peer array " + peerId + " at " + base
            + " is unreachable (" + e.getClass().getSimpleName() + ")", peerId, e);
    }

    private JsonNode decode(int status, byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "peer " + peerId + " answered HTTP " + status + " with no JSON", peerId);
        }
        if (status / 100 == 2) {
            return node;
        }
        JsonNode err = node.path("error");
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(err.path("code").asText("INTERNAL"));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.INTERNAL;
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            // the peer refused OUR credential: for the caller this is a broken link, not its own login
            return throwPeer(ErrorCode.PEER_UNREACHABLE, "peer " + peerId + " refused this array's credentials", peerId);
        }
        return throwPeer(code, "peer " + peerId + ": " + err.path("message").asText("HTTP " + status),
            err.path("object").isNull() ? null : err.path("object").asText(null));
    }

    private static JsonNode throwPeer(ErrorCode code, String message, String object) {
        throw new ArrayException(code, message, object);
    }

    /**
     * POSTs a streamed binary body of exactly {@code length} bytes (no chunk framing to write and decode;
     * a writer that writes more or less fails the call) and returns the JSON answer.
     */
    public JsonNode stream(String path, long length, BodyWriter writer) {
        HttpURLConnection conn = null;
        try {
            conn = (HttpURLConnection) new URL(base + path).openConnection();
            conn.setRequestMethod("POST");
            conn.setDoOutput(true);
            conn.setFixedLengthStreamingMode(length);
            conn.setConnectTimeout(3000);
            conn.setReadTimeout(300_000);
            conn.setRequestProperty("Authorization", authorization);
            conn.setRequestProperty("Content-Type", "application/octet-stream");
            try (OutputStream out = conn.getOutputStream()) {
                writer.write(out);
            }
            int status = conn.getResponseCode();
            InputStream in = status / 100 == 2 ? conn.getInputStream() : conn.getErrorStream();
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            return decode(status, body);
        } catch (IOException e) {
            throw unreachable(e);
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }
}
