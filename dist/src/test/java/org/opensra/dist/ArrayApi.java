package org.opensra.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;

/**
 * A site's management API read directly (no JVM per call): the listings the reliability suite checks for
 * leftovers (test clones, clone-base snapshots, mappings, host groups) and volume data read back.
 */
final class ArrayApi {
    private final HttpClient http;
    private final String base;
    private final String authorization;

    ArrayApi(Lab.Site site) {
        try {
            this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .sslContext(org.opensra.spi.tls.TlsTrust.pinned(site.fingerprint()).context()).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        this.base = "https://" + site.address();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (site.username() + ":" + site.password()).getBytes(StandardCharsets.UTF_8));
    }

    JsonObject get(String path) {
        return JsonReader.parseObject(new String(fetch(path), StandardCharsets.UTF_8));
    }

    byte[] read(String volumeId, long offset, int length) {
        return fetch("/api/v1/volumes/" + volumeId + "/data?offset=" + offset + "&length=" + length);
    }

    void write(String volumeId, long offset, byte[] data) {
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/volumes/" + volumeId + "/data?offset=" + offset))
                .timeout(Duration.ofSeconds(120)).header("Authorization", authorization)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                .build(), "PUT data of " + volumeId);
    }

    private byte[] fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).GET().build(), "GET " + path);
    }

    private byte[] send(HttpRequest request, String path) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether the daemon answers at all. */
    boolean answers() {
        try {
            get("/api/v1/array");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /**
     * The site's state as SRM's next step and the operator see it, free of ids a re-run allocates anew:
     * every volume that is not a test clone with its role and access and mapping count; per replica the
     * number of test clones, their mappings and the clone-base snapshots; the number of host groups.
     */
    String fingerprint() {
        TreeMap<String, String> lines = new TreeMap<>();
        TreeMap<String, Integer> clonesOf = new TreeMap<>();
        TreeMap<String, Integer> cloneMappings = new TreeMap<>();
        List<String> replicas = new ArrayList<>();
        for (JsonObject v : get("/api/v1/volumes").objects("volumes")) {
            String id = v.string("id");
            int mappings = v.objects("mappings").size();
            String role = v.optString("role").orElse("-");
            if ("clone".equals(role)) {
                String of = v.object("cloneOf").string("volumeId");
                clonesOf.merge(of, 1, Integer::sum);
                cloneMappings.merge(of, mappings, Integer::sum);
            } else {
                lines.put(id, role + " " + v.optString("access").orElse("-") + " mappings=" + mappings);
                if ("target".equals(role) || "promoted".equals(role) || "demoted".equals(role)) {
                    replicas.add(id);
                }
            }
        }
        for (String r : replicas) {
            long bases = get("/api/v1/volumes/" + r + "/snapshots").objects("snapshots").stream()
                    .filter(s -> "clone-base".equals(s.optString("kind").orElse(""))).count();
            lines.merge(r, " testClones=" + clonesOf.getOrDefault(r, 0) + " cloneMappings="
                    + cloneMappings.getOrDefault(r, 0) + " cloneBaseSnapshots=" + bases, String::concat);
        }
        for (String of : clonesOf.keySet()) {
            if (!replicas.contains(of)) {
                lines.merge(of, " testClones=" + clonesOf.get(of), String::concat);
            }
        }
        lines.put("~hostGroups", Integer.toString(get("/api/v1/host-groups").objects("hostGroups").size()));
        StringBuilder out = new StringBuilder();
        lines.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    /** Test clones on the site (volumes of role clone) and clone-base snapshots of any volume. */
    List<String> testLeftovers() {
        List<String> out = new ArrayList<>();
        for (JsonObject v : get("/api/v1/volumes").objects("volumes")) {
            String id = v.string("id");
            if ("clone".equals(v.optString("role").orElse(""))) {
                out.add("test clone " + id + " (" + v.objects("mappings").size() + " mappings)");
            }
            for (JsonObject s : get("/api/v1/volumes/" + id + "/snapshots").objects("snapshots")) {
                if ("clone-base".equals(s.optString("kind").orElse(""))) {
                    out.add("clone-base snapshot " + s.string("id") + " of " + id);
                }
            }
        }
        return out;
    }

    JsonObject job(String id) {
        return get("/api/v1/jobs/" + id);
    }
}
