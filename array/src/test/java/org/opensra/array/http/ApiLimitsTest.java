package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.Json;
import org.opensra.array.security.Credentials;
import org.opensra.array.security.LoginThrottle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API's limits against abuse (array/API.md, "Limits"; issue 18): body caps answered
 * 413 in the API's JSON error shape, and failed logins that cost the client (a delayed answer, no
 * password hash while in back-off) and not the daemon (no worker waits). SEC-1: the password never
 * appears in an answer.
 */
class ApiLimitsTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "right-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path tmp;
    private ApiServer server;
    private Credentials creds;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(LoginThrottle throttle) throws IOException {
        creds = new Credentials(tmp.resolve("credentials.json"));
        creds.setUser(USER, PASSWORD.toCharArray());
        Router r = new Router();
        r.get("/api/v1/array", q -> Json.obj("id", "array-t"));
        r.post("/api/v1/volumes", q -> Json.obj("fields", q.body().size()));
        r.put("/api/v1/volumes/{id}/data", q -> Json.obj("bytesWritten", q.dataBody().transferTo(OutputStream.nullOutputStream())));
        server = new ApiServer(new InetSocketAddress("127.0.0.1", 0), r, creds, throttle);
        server.start();
    }

    private String base() {
        return "http://127.0.0.1:" + server.address().getPort();
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private record Raw(int status, JsonNode json) {
    }

    /** Sends head (and body, from another thread: the server may answer before reading it) on a raw socket. */
    private Raw raw(String head, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException ignored) {
                    // the server answered and closed before taking it all
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                int cl = text.toLowerCase().indexOf("content-length: ");
                if (end > 0 && cl > 0) {
                    int len = Integer.parseInt(text.substring(cl + 16, text.indexOf("\r\n", cl)).trim());
                    if (all.size() >= end + 4 + len) {
                        break;
                    }
                }
            }
            writer.join(60_000);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String json = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new Raw(status, json.isEmpty() ? null : Json.MAPPER.readTree(json));
        }
    }

    @Test
    @DisplayName("issue 18: a body declared over the cap is answered 413 PAYLOAD_TOO_LARGE at once, before authentication, on JSON and data routes")
    void declaredBodyOverCap() throws Exception {
        start(new LoginThrottle());
        Raw data = raw("PUT /api/v1/volumes/v1/data HTTP/1.1\r\nHost: t\r\nContent-Length: " + (HttpLimits.MAX_DATA_BODY + 1)
            + "\r\n\r\n", new byte[0]);
        assertThat(data.status()).isEqualTo(413);
        assertThat(data.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        Raw json = raw("POST /api/v1/volumes HTTP/1.1\r\nHost: t\r\nAuthorization: " + basic(PASSWORD)
            + "\r\nContent-Type: application/json\r\nContent-Length: " + (HttpLimits.MAX_JSON_BODY + 1) + "\r\n\r\n", new byte[0]);
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.json().path("error").path("message").asText()).contains(String.valueOf(HttpLimits.MAX_JSON_BODY));
        assertThat(creds.hashChecks()).as("no password was checked for a refused body").isZero();
    }

    @Test
    @DisplayName("issue 18: a chunked JSON body growing past the cap is cut at the cap and answered 413; a body within it works")
    void chunkedBodyOverCap() throws Exception {
        start(new LoginThrottle());
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, (byte) ' ');
        for (int sent = 0; sent <= HttpLimits.MAX_JSON_BODY; sent += piece.length) {
            chunks.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunks.write(piece);
            chunks.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunks.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Raw big = raw("POST /api/v1/volumes HTTP/1.1\r\nHost: t\r\nAuthorization: " + basic(PASSWORD)
            + "\r\nTransfer-Encoding: chunked\r\n\r\n", chunks.toByteArray());
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/volumes"))
            .header("Authorization", basic(PASSWORD)).POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<String>> get(String password) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base() + "/api/v1/array")).header("Authorization", basic(password))
            .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("issue 18 SEC-1: failed logins back off per client (answered late, no password hash while in back-off, no worker held); the right password still gets in")
    void failedLoginsBackOff() throws Exception {
        long base = 3_000;
        start(new LoginThrottle(base, 8_000));
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> first = get("wrong-1");
        long deadline = System.currentTimeMillis() + 60_000;
        while (creds.hashChecks() < 1) {
            assertThat(System.currentTimeMillis()).as("first login checked").isLessThan(deadline);
            Thread.sleep(5);
        }
        // the address is in back-off now: more wrong logins than there are worker threads
        List<CompletableFuture<HttpResponse<String>>> refused = new ArrayList<>();
        for (int i = 0; i < 2 * HttpLimits.WORKERS; i++) {
            refused.add(get("wrong-" + (i + 2)));
        }
        HttpResponse<String> right = get(PASSWORD).get();
        assertThat(right.statusCode()).as("a known-good login is let in during the back-off").isEqualTo(200);
        assertThat(refused).as("the refusals are still waiting: no worker thread sleeps for them")
            .noneMatch(CompletableFuture::isDone);

        HttpResponse<String> r1 = first.get();
        assertThat(r1.statusCode()).isEqualTo(401);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("the failure is answered after its back-off").isGreaterThanOrEqualTo(base - 100);
        for (CompletableFuture<HttpResponse<String>> f : refused) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Json.MAPPER.readTree(r.body()).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(r.body()).doesNotContain("wrong-").doesNotContain(PASSWORD);
        }
        assertThat(creds.hashChecks()).as("no password hash for a client in back-off").isEqualTo(1);
    }
}
