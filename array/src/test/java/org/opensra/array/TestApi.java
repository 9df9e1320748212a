package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small HTTP client for tests: returns status and JSON, fails the test on transport errors. */
public final class TestApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public record Resp(int status, JsonNode json, byte[] raw) {
        public Resp ok() {
            if (status / 100 != 2) {
                throw new AssertionError("HTTP " + status + ": " + (json == null ? new String(raw, StandardCharsets.UTF_8) : json));
            }
            return this;
        }

        public JsonNode item(int i) {
            return json.path("items").path(i);
        }
    }

    private final String base;
    private final String auth;
    private final HttpClient http;

    public TestApi(String address, String user, String password) {
        this.base = "http://" + address;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HTTP;
    }

    /** Over TLS to host:port, trusting the certificate with this SHA-256 fingerprint only. */
    public TestApi(String address, String user, String password, String fingerprint) {
        this.base = "https://" + address;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(org.opensra.spi.tls.TlsTrust.pinned(fingerprint).context()).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public Resp get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Resp delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Resp post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Resp postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Resp put(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Resp send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.header("Authorization", auth).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.startsWith("application/json")) {
                json = Json.MAPPER.readTree(r.body());
            }
            return new Resp(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- conveniences

    public String createVolume(String name, long size) {
        return post("/api/v1/volumes", Map.of("name", name, "sizeBytes", size)).ok().json().path("id").asText();
    }

    public void write(String volume, long offset, byte[] data) {
        put("/api/v1/volumes/" + volume + "/data?offset=" + offset, data).ok();
    }

    public byte[] read(String id) {
        return get("/api/v1/volumes/" + id + "/data").ok().raw();
    }

    public byte[] read(String id, long offset, long length) {
        return get("/api/v1/volumes/" + id + "/data?offset=" + offset + "&length=" + length).ok().raw();
    }

    public Resp batch(String op, List<String> volumes, List<String> groups) {
        return post("/api/v1/replication/" + op, Map.of("volumes", volumes, "groups", groups)).ok();
    }

    /** Starts a sync and waits until its job ends; returns the final job. */
    public JsonNode syncAndWait(List<String> volumes, List<String> groups) {
        Resp r = batch("sync", volumes, groups);
        JsonNode last = null;
        for (JsonNode item : r.json().path("items")) {
            if (!item.path("ok").asBoolean()) {
                throw new AssertionError("sync refused: " + item);
            }
            last = awaitJob(item.path("jobId").asText());
        }
        return last;
    }

    public JsonNode awaitJob(String jobId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonNode j = get("/api/v1/jobs/" + jobId).ok().json();
            if (!"running".equals(j.path("state").asText())) {
                return j;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + jobId + " still running: " + j);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
