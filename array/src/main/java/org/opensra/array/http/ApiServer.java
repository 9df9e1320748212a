package org.opensra.array.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.security.Credentials;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The management API's HTTP server: Basic authentication, routing, JSON errors with stable codes. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    private final HttpServer server;
    private final ExecutorService pool;
    private final Router router;
    private final Credentials credentials;

    public ApiServer(InetSocketAddress address, Router router, Credentials credentials) throws IOException {
        this.router = router;
        this.credentials = credentials;
        this.server = HttpServer.create(address, 128);
        this.pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                if (!authenticated(ex)) {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"opensra-array\"");
                    throw new ArrayException(ErrorCode.UNAUTHORIZED, "missing or refused credentials", null);
                }
                Router.Match m = router.match(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
                if (m.handler() == null) {
                    throw m.pathKnown()
                        ? new ArrayException(ErrorCode.METHOD_NOT_ALLOWED, ex.getRequestMethod() + " is not allowed on "
                            + ex.getRequestURI().getPath(), null)
                        : new ArrayException(ErrorCode.NOT_FOUND, "no such endpoint: " + ex.getRequestURI().getPath(), null);
                }
                Object result = m.handler().handle(new Req(ex, m.params()));
                if (result == Reply.NONE) {
                    return;
                }
                if (result instanceof Reply r) {
                    send(ex, r.status(), r.body());
                } else {
                    send(ex, 200, result);
                }
            } catch (ArrayException e) {
                sendError(ex, e);
            } catch (IOException e) {
                sendError(ex, new ArrayException(ErrorCode.BAD_REQUEST, "request could not be read: " + e.getMessage(), null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath(), e);
                sendError(ex, new ArrayException(ErrorCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "response not delivered", e);
        }
    }

    private boolean authenticated(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int i = decoded.indexOf(':');
        return i > 0 && credentials.check(decoded.substring(0, i), decoded.substring(i + 1).toCharArray());
    }

    private static void sendError(HttpExchange ex, ArrayException e) throws IOException {
        // drain what the client sent so that it can read our answer
        try {
            ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // client gone
        }
        send(ex, e.code().httpStatus(), Map.of("error", Json.error(e)));
    }

    static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
