package org.opensra.array.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.security.Credentials;
import org.opensra.array.security.LoginThrottle;
import org.opensra.array.security.Role;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.net.InetAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The management API's HTTP server: Basic authentication with back-off of failed logins, body caps,
 * routing, JSON errors with stable codes. Limits: {@link HttpLimits}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    static {
        HttpLimits.applyServerProperties(); // read by the JDK server once, when the first one is made
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService delayed;
    private final AtomicInteger delayedCount = new AtomicInteger();
    private final Router router;
    private final Credentials credentials;
    private final LoginThrottle throttle;

    public ApiServer(InetSocketAddress address, Router router, Credentials credentials) throws IOException {
        this(address, router, credentials, new LoginThrottle());
    }

    public ApiServer(InetSocketAddress address, Router router, Credentials credentials, LoginThrottle throttle)
            throws IOException {
        this(address, router, credentials, throttle, null);
    }

    /** With tls null: plain HTTP (the daemon's --insecure); else HTTPS, TLS 1.3 only. */
    public ApiServer(InetSocketAddress address, Router router, Credentials credentials, LoginThrottle throttle,
                     SSLContext tls) throws IOException {
        this.throttle = throttle;
        this.router = router;
        this.credentials = credentials;
        if (tls == null) {
            this.server = HttpServer.create(address, 128);
        } else {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new Tls13(tls));
            this.server = https;
        }
        // bounded: a request finding every worker busy and the queue full is refused (its connection closed)
        this.pool = new ThreadPoolExecutor(HttpLimits.WORKERS, HttpLimits.WORKERS, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(HttpLimits.QUEUED), daemonThreads("api"), new ThreadPoolExecutor.AbortPolicy());
        this.delayed = Executors.newSingleThreadScheduledExecutor(daemonThreads("api-login-backoff"));
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /** TLS 1.3 only, no client certificates. */
    private static final class Tls13 extends HttpsConfigurator {
        Tls13(SSLContext context) {
            super(context);
        }

        @Override
        public void configure(HttpsParameters params) {
            SSLParameters p = getSSLContext().getDefaultSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3"});
            params.setSSLParameters(p);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public void start() {
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) {
        boolean answerLater = false;
        try {
            try {
                long cap = HttpLimits.bodyCap(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
                if (declaredLength(ex) > cap) {
                    throw CappedInputStream.tooLarge(cap);
                }
                Login login = authenticate(ex);
                if (login == Login.REFUSED) {
                    answerLater = true;
                    return;
                }
                if (login == Login.MISSING) {
                    throw unauthorized(ex);
                }
                Router.Match m = router.match(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
                if (m.handler() == null) {
                    throw m.pathKnown()
                        ? new ArrayException(ErrorCode.METHOD_NOT_ALLOWED, ex.getRequestMethod() + " is not allowed on "
                            + ex.getRequestURI().getPath(), null)
                        : new ArrayException(ErrorCode.NOT_FOUND, "no such endpoint: " + ex.getRequestURI().getPath(), null);
                }
                String user = login.user();
                Role role = credentials.role(user);
                String path = ex.getRequestURI().getRawPath();
                if (role == null || !RoutePolicy.allows(role, ex.getRequestMethod(), path)) {
                    throw new ArrayException(ErrorCode.FORBIDDEN, "the account " + user + " (role "
                        + (role == null ? "none" : role.text()) + ") may not call " + ex.getRequestMethod() + " "
                        + ex.getRequestURI().getPath(), null);
                }
                Object result = m.handler().handle(new Req(ex, m.params(), user));
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
        } finally {
            if (!answerLater) {
                ex.close();
            }
        }
    }

    private static long declaredLength(HttpExchange ex) {
        String v = ex.getRequestHeaders().getFirst("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK server refuses a malformed length before we see it
        }
    }

    private static ArrayException unauthorized(HttpExchange ex) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"opensra-array\"");
        return new ArrayException(ErrorCode.UNAUTHORIZED, "missing or refused credentials", null);
    }

    /**
     * The outcome of a request's Basic authentication: the account, or MISSING / REFUSED. Kept with the request,
     * never in the exchange's attributes: on JDK 17 those are the HttpContext's, shared by every request in
     * flight, so a concurrent request of another account could be served with this one's role.
     */
    private record Login(String user) {
        static final Login MISSING = new Login(null);
        static final Login REFUSED = new Login(null);
    }

    /**
     * Checks the Basic credentials. A refused login is answered later, by {@link #answerRefusedLater},
     * at the end of its client address's back-off; while an address is in back-off, its logins that
     * are not already known good are refused without hashing the password.
     */
    private Login authenticate(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Login.MISSING;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Login.MISSING;
        }
        int i = decoded.indexOf(':');
        if (i <= 0) {
            return Login.MISSING;
        }
        String user = decoded.substring(0, i);
        char[] password = decoded.substring(i + 1).toCharArray();
        InetAddress client = ex.getRemoteAddress().getAddress();
        long now = System.currentTimeMillis();
        boolean ok = credentials.knownGood(user, password);
        long answerAt = -1;
        if (!ok && throttle.beginCheck(client, now)) {
            try {
                ok = credentials.check(user, password);
            } finally {
                // a failure's back-off starts before the next login of the address is let in to a check
                answerAt = throttle.endCheck(client, ok, System.currentTimeMillis());
            }
            now = System.currentTimeMillis();
        }
        java.util.Arrays.fill(password, '\0');
        if (ok) {
            return new Login(user);
        }
        answerRefusedLater(ex, (answerAt >= 0 ? answerAt : throttle.failed(client, now)) - now);
        return Login.REFUSED;
    }

    /** Answers 401 after the delay from a timer thread (no worker waits); too many waiting: closed at once. */
    private void answerRefusedLater(HttpExchange ex, long delayMs) {
        if (delayedCount.incrementAndGet() > HttpLimits.DELAYED_ANSWERS) {
            delayedCount.decrementAndGet();
            ex.close();
            return;
        }
        Runnable answer = () -> {
            try {
                send(ex, ErrorCode.UNAUTHORIZED.httpStatus(), Map.of("error", Json.error(unauthorized(ex))));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "refusal not delivered", e);
            } finally {
                delayedCount.decrementAndGet();
                ex.close();
            }
        };
        try {
            delayed.schedule(answer, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            delayedCount.decrementAndGet();
            ex.close(); // shutting down
        }
    }

    private static void sendError(HttpExchange ex, ArrayException e) throws IOException {
        // drain what the client sent (up to the route's cap) so that it can read our answer; a larger
        // body is not read: the server closes the connection after the answer
        if (e.code() != ErrorCode.PAYLOAD_TOO_LARGE) {
            long cap = HttpLimits.bodyCap(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
            try {
                new CappedInputStream(ex.getRequestBody(), cap).transferTo(OutputStream.nullOutputStream());
            } catch (IOException | ArrayException ignored) {
                // client gone, or sending more than we drain
            }
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
        delayed.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
