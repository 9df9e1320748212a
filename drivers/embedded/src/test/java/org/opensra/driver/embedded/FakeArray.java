package org.opensra.driver.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;

/**
 * A tiny stand-in for the array's management API on 127.0.0.1 (free port): canned answers per
 * "METHOD path", Basic authentication checked, every request recorded.
 */
final class FakeArray implements AutoCloseable {
    record Call(String method, String path, String body) {
        JsonObject json() {
            return JsonReader.parseObject(body);
        }
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Function<Call, Answer>> routes = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final String expectedAuth;

    FakeArray(String user, String password) throws IOException {
        this(user, password, null);
    }

    /** Over HTTPS with this server context (null: plain HTTP). */
    FakeArray(String user, String password, javax.net.ssl.SSLContext tls) throws IOException {
        expectedAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(at, 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(at, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    FakeArray on(String methodAndPath, Function<Call, Answer> answer) {
        routes.put(methodAndPath, answer);
        return this;
    }

    FakeArray json(String methodAndPath, String body) {
        return on(methodAndPath, c -> new Answer(200, body));
    }

    List<Call> calls(String methodAndPath) {
        return calls.stream().filter(c -> (c.method + " " + c.path).equals(methodAndPath)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath().replaceFirst("^/api/v1", "");
            Call call = new Call(exchange.getRequestMethod(), path, body);
            calls.add(call);
            Answer answer;
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = new Answer(401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"refused\",\"object\":null}}");
            } else {
                Function<Call, Answer> route = routes.get(call.method + " " + path);
                answer = route == null
                        ? new Answer(404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no route\",\"object\":null}}")
                        : route.apply(call);
            }
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
