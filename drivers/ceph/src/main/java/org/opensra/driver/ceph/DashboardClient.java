package org.opensra.driver.ceph;

import javax.net.ssl.SSLSocketFactory;
import org.opensra.spi.tls.TlsRefusal;
import org.opensra.spi.tls.TlsTrust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import org.opensra.driver.embedded.json.JsonException;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;
import org.opensra.driver.embedded.json.JsonWriter;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;

/**
 * The Ceph manager dashboard's REST API over HTTPS (JDK only): logs in for a JWT, sends JSON, and
 * waits for the asynchronous tasks a write may turn into (HTTP 202, polled through /api/task). Every
 * call ends by the command's deadline; an address found unreachable fails every later call of the
 * session at once (FO-5). The password is kept only until the login.
 */
final class DashboardClient {
    static final String V1 = "application/vnd.ceph.api.v1.0+json";
    static final String V2 = "application/vnd.ceph.api.v2.0+json";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 120_000;
    private static final long TASK_POLL_MS = 500;

    private final String baseUrl;
    private final String shownAddress;
    private final TlsTrust trust;
    /** Made once per client: a TLS 1.3 context that trusts by {@link #trust}'s rules. */
    private SSLSocketFactory tls;
    private final Deadline deadline;
    private final String username;
    private String password;
    private String token;
    private DriverException unreachable;

    DashboardClient(String baseUrl, String shownAddress, TlsTrust trust, Deadline deadline, String username,
                    String password) {
        this.baseUrl = baseUrl;
        this.shownAddress = shownAddress;
        this.trust = trust;
        this.deadline = deadline;
        this.username = username;
        this.password = password;
    }

    /** {@code host:port}, {@code https://host:port} or {@code http://host:port} (plain HTTP only for tests on loopback). */
    static String baseUrl(String address) {
        String a = address.strip();
        while (a.endsWith("/")) {
            a = a.substring(0, a.length() - 1);
        }
        if (a.startsWith("https://")) {
            return a;
        }
        if (a.startsWith("http://")) {
            String host = a.substring("http://".length());
            if (!(host.startsWith("127.0.0.1:") || host.startsWith("localhost:") || host.startsWith("[::1]:"))) {
                throw new IllegalArgumentException("plain http is accepted only on loopback; use https://" + host);
            }
            return a;
        }
        if (a.isEmpty() || a.indexOf('/') >= 0) {
            throw new IllegalArgumentException("expected host:port or https://host:port, got '" + address + "'");
        }
        return "https://" + a;
    }

    String address() {
        return shownAddress;
    }

    /** A path segment (image spec {@code pool/name}, snapshot name), percent-encoded. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Object get(String path) throws DriverException, DashboardException {
        return call("GET", path, null, V1);
    }

    Object get(String path, String version) throws DriverException, DashboardException {
        return call("GET", path, null, version);
    }

    /** POST; waits for the task when the dashboard answers 202. */
    Object post(String path, Map<String, Object> body) throws DriverException, DashboardException {
        return call("POST", path, JsonWriter.write(body), V1);
    }

    Object put(String path, Map<String, Object> body) throws DriverException, DashboardException {
        return call("PUT", path, JsonWriter.write(body), V1);
    }

    Object delete(String path) throws DriverException, DashboardException {
        return call("DELETE", path, null, V1);
    }

    private Object call(String method, String path, String body, String version)
            throws DriverException, DashboardException {
        if (token == null) {
            login();
        }
        Response r = send(method, path, body, version, token);
        if (r.status == 401) {
            token = null;
            throw new DriverException(DriverError.AUTHENTICATION_FAILED, Map.of("Address", shownAddress),
                    "the dashboard at " + shownAddress + " refused the session token");
        }
        if (r.status == 202) {
            return waitForTask(r.json());
        }
        if (r.status >= 200 && r.status < 300) {
            return r.json();
        }
        throw DashboardException.of(method + " " + path, r.status, r.text);
    }

    private void login() throws DriverException {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password == null ? "" : password);
        Response r = send("POST", "/api/auth", JsonWriter.write(credentials), V1, null);
        if (r.status == 400 || r.status == 401 || r.status == 403) {
            throw new DriverException(DriverError.AUTHENTICATION_FAILED, Map.of("Address", shownAddress),
                    "the dashboard at " + shownAddress + " refused the user name or password");
        }
        Object answer = r.status == 201 || r.status == 200 ? r.json() : null;
        if (!(answer instanceof Map<?, ?>) || JsonObject.wrap(answer).optString("token").isEmpty()) {
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", shownAddress),
                    "the dashboard at " + shownAddress + " answered the login with HTTP " + r.status);
        }
        token = JsonObject.wrap(answer).string("token");
        password = null;
    }

    /** Polls /api/task until the task named in a 202 answer is no longer executing; its failure is thrown. */
    private Object waitForTask(Object accepted) throws DriverException, DashboardException {
        if (!(accepted instanceof Map<?, ?>)) {
            return null;
        }
        JsonObject task = JsonObject.wrap(accepted);
        String name = task.optString("name").orElse("");
        String metadata = task.has("metadata") ? JsonWriter.write(task.members().get("metadata")) : "";
        while (true) {
            deadline.check("waiting for the dashboard task " + name + " on " + shownAddress);
            JsonObject tasks = JsonObject.wrap(send("GET", "/api/task?name=" + segment(name), null, V1, token).json());
            if (!contains(tasks.objects("executing_tasks"), name, metadata)) {
                for (JsonObject done : tasks.objects("finished_tasks")) {
                    if (matches(done, name, metadata) && !done.bool("success", true)) {
                        String detail = "task " + name + " failed";
                        Object exception = done.members().get("exception");
                        if (exception instanceof Map<?, ?> e && e.get("detail") != null) {
                            detail = String.valueOf(e.get("detail"));
                        }
                        throw new DashboardException(name, 400, codeOf(done), detail);
                    }
                }
                return null;
            }
            sleep(TASK_POLL_MS);
        }
    }

    private static String codeOf(JsonObject task) {
        Object exception = task.members().get("exception");
        if (exception instanceof Map<?, ?>) {
            Object code = ((Map<?, ?>) exception).get("code");
            if (code != null) {
                return String.valueOf(code);
            }
            Object errno = ((Map<?, ?>) exception).get("errno");
            if (errno != null) {
                return String.valueOf(errno);
            }
        }
        return "";
    }

    private static boolean contains(List<JsonObject> tasks, String name, String metadata) {
        for (JsonObject t : tasks) {
            if (matches(t, name, metadata)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonObject t, String name, String metadata) {
        return name.equals(t.optString("name").orElse(""))
                && metadata.equals(t.has("metadata") ? JsonWriter.write(t.members().get("metadata")) : "");
    }

    private void sleep(long millis) throws DriverException {
        long wait = Math.min(millis, Math.max(1, deadline.remainingMillis()));
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(DriverError.DEADLINE_REACHED, Map.of("Object", shownAddress), "interrupted");
        }
    }

    /** Waits between retries, bounded by the deadline. */
    void pause(long millis) throws DriverException {
        sleep(millis);
    }

    Deadline deadline() {
        return deadline;
    }

    private Response send(String method, String path, String body, String version, String bearer)
            throws DriverException {
        if (unreachable != null) {
            throw unreachable;
        }
        deadline.check(method + " " + path + " on " + shownAddress);
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            if (c instanceof HttpsURLConnection https) {
                if (tls == null) {
                    tls = trust.context().getSocketFactory();
                }
                https.setSSLSocketFactory(tls);
                https.setHostnameVerifier(TlsTrust.HOSTS_CHECKED_BY_TRUST); // TlsTrust checked the host
            }
            c.setRequestMethod(method);
            c.setConnectTimeout(deadline.bound(CONNECT_TIMEOUT_MS));
            c.setReadTimeout(deadline.bound(READ_TIMEOUT_MS));
            c.setUseCaches(false);
            c.setRequestProperty("Accept", version);
            if (bearer != null) {
                c.setRequestProperty("Authorization", "Bearer " + bearer);
            }
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : read(in);
            return new Response(status, text);
        } catch (SSLException e) {
            TlsRefusal refused = TlsRefusal.in(e);
            if (refused != null) {
                unreachable = refused.failure("the dashboard at " + shownAddress + " (pin its certificate with the"
                        + " connection parameter " + CephDescription.FINGERPRINT_ID + ")", shownAddress);
                throw unreachable;
            }
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", shownAddress),
                    "TLS with the dashboard at " + shownAddress + " failed: " + rootMessage(e));
        } catch (SocketTimeoutException e) {
            if (deadline.passed()) {
                throw deadline.failure(method + " " + path + " on " + shownAddress);
            }
            throw remember("the dashboard at " + shownAddress + " did not answer in time");
        } catch (IOException | GeneralSecurityException e) {
            throw remember("cannot reach the dashboard at " + shownAddress + ": " + rootMessage(e));
        }
    }

    private DriverException remember(String message) {
        unreachable = new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", shownAddress), message);
        return unreachable;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String read(InputStream in) throws IOException {
        try (InputStream s = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = s.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private record Response(int status, String text) {
        Object json() throws DriverException {
            String t = text.strip();
            if (t.isEmpty()) {
                return null;
            }
            try {
                return JsonReader.parse(t);
            } catch (JsonException e) {
                throw new DriverException(DriverError.OPERATION_FAILED, Map.of("Object", "dashboard", "Reason",
                        "not JSON"), "the dashboard answered HTTP " + status + " with a body that is not JSON");
            }
        }
    }
}
