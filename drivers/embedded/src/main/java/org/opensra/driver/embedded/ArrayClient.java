package org.opensra.driver.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.opensra.driver.embedded.json.JsonException;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;
import org.opensra.driver.embedded.json.JsonWriter;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;
import org.opensra.spi.tls.TlsRefusal;
import org.opensra.spi.tls.TlsTrust;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * JSON calls to one array's management API (array/API.md) over HTTP with Basic authentication, on
 * {@link HttpURLConnection} (JDK only; it loads fewer classes than java.net.http and keeps connections
 * alive between calls of one session). Transport failures and refused credentials are whole-call
 * {@link DriverException}s naming the address; other API errors are {@link ApiException}s for the
 * caller to map in its context. The credential only ever lives in the Authorization header.
 *
 * <p>Every call is bounded by the command's {@link Deadline}: its connect and read timeouts never reach
 * past it, a call after it fails at once with DEADLINE_REACHED, and a read cut short by it is reported
 * as DEADLINE_REACHED rather than as an unreachable array. An address found unreachable (connection
 * refused or timed out, no route, unknown host, no answer within the read timeout) is remembered for
 * the rest of the session: later calls fail at once with the same error instead of waiting for the
 * same timeout again (FO-5: a dead array costs one timeout per command, not one per step).
 */
public final class ArrayClient {
    private final ManagementAddress address;
    private final String authorization;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final Deadline deadline;
    /** The TLS context of an https address (null: a plain http:// address). */
    private final SSLSocketFactory tls;
    private DriverException unreachable;

    public ArrayClient(ManagementAddress address, String username, String password,
                       int connectTimeoutMillis, int readTimeoutMillis) {
        this(address, username, password, connectTimeoutMillis, readTimeoutMillis, Deadline.none());
    }

    public ArrayClient(ManagementAddress address, String username, String password,
                       int connectTimeoutMillis, int readTimeoutMillis, Deadline deadline) {
        this(address, username, password, connectTimeoutMillis, readTimeoutMillis, deadline, null);
    }

    /** tls: the context of an https address ({@code org.opensra.spi.tls.TlsTrust}), null for http://. */
    public ArrayClient(ManagementAddress address, String username, String password,
                       int connectTimeoutMillis, int readTimeoutMillis, Deadline deadline, SSLContext tls) {
        if (address.tls() && tls == null) {
            throw new IllegalArgumentException("an https address needs a TLS context");
        }
        this.tls = tls == null ? null : tls.getSocketFactory();
        this.address = address;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadline = deadline;
    }

    public ManagementAddress address() {
        return address;
    }

    public JsonObject get(String path) throws DriverException, ApiException {
        return call("GET", path, null);
    }

    public JsonObject post(String path, Object body) throws DriverException, ApiException {
        return call("POST", path, JsonWriter.write(body));
    }

    /** A path segment with an id, percent-encoded. */
    public static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonObject call(String method, String path, String body) throws DriverException, ApiException {
        DriverException known = knownUnreachable();
        if (known != null) {
            throw known;
        }
        deadline.check(method + " " + path + " on " + address.text());
        int connectTimeout = deadline.bound(connectTimeoutMillis);
        int readTimeout = deadline.bound(readTimeoutMillis);
        boolean cutByDeadline = deadline.shortens(readTimeoutMillis);
        HttpURLConnection connection;
        int status;
        byte[] answer;
        try {
            connection = (HttpURLConnection) URI.create(address.baseUrl() + path).toURL().openConnection();
            if (connection instanceof HttpsURLConnection) {
                HttpsURLConnection https = (HttpsURLConnection) connection;
                https.setSSLSocketFactory(tls);
                https.setHostnameVerifier(TlsTrust.HOSTS_CHECKED_BY_TRUST); // TlsTrust checked the host
            }
            connection.setRequestMethod(method);
            connection.setConnectTimeout(connectTimeout);
            connection.setReadTimeout(readTimeout);
            connection.setUseCaches(false);
            connection.setRequestProperty("Authorization", authorization);
            connection.setRequestProperty("Accept", "application/json");
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(bytes.length);
                connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            answer = in == null ? new byte[0] : readAll(in);
        } catch (SocketTimeoutException e) {
            if (cutByDeadline || deadline.passed()) {
                throw deadline.failure(method + " " + path + " on " + address.text());
            }
            throw remember(unreachable(method + " " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e));
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw remember(unreachable(method + " " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e));
        } catch (IOException | IllegalArgumentException e) {
            TlsRefusal refused = TlsRefusal.in(e);
            if (refused != null) {
                throw remember(refused(refused));
            }
            throw unreachable(method + " " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        String text = new String(answer, StandardCharsets.UTF_8);
        if (status == 401) {
            throw DriverFailure.of(DriverError.AUTHENTICATION_FAILED,
                    "the array at " + address.text() + " refused the credentials", "Address", address.text())
                    .toException();
        }
        if (status < 200 || status > 299) {
            throw new ApiException(status, parseError(status, text));
        }
        try {
            return text.isBlank() ? JsonReader.parseObject("{}") : JsonReader.parseObject(text);
        } catch (JsonException e) {
            throw DriverFailure.of(DriverError.OPERATION_FAILED, "the array at " + address.text()
                    + " answered " + method + " " + path + " with malformed JSON: " + e.getMessage(),
                    "Object", address.text(), "Reason", "malformed answer: " + e.getMessage()).toException();
        }
    }

    private static ApiError parseError(int status, String text) {
        try {
            JsonObject root = JsonReader.parseObject(text);
            if (root.has("error")) {
                return ApiError.from(root.object("error"));
            }
        } catch (JsonException notJson) {
            // fall through: a non-API answer (e.g. a proxy page)
        }
        String snippet = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new ApiError(status == 404 ? "NOT_FOUND" : "INTERNAL", "HTTP " + status
                + (snippet.isBlank() ? "" : ": " + snippet.strip()), java.util.Optional.empty());
    }

    private synchronized DriverException knownUnreachable() {
        return unreachable;
    }

    /** Keeps the failure so that later calls of this session fail at once with the same error. */
    private synchronized DriverException remember(DriverException failure) {
        if (unreachable == null) {
            unreachable = failure;
        }
        return failure;
    }

    /** A refused certificate: its own error, naming the fingerprint seen; never retried as plain text. */
    private DriverException refused(TlsRefusal r) {
        return r.failure("the array at " + address.text(), address.text());
    }

    private DriverException unreachable(String detail, Throwable cause) {
        return new DriverException(DriverError.ARRAY_UNREACHABLE, java.util.Map.of("Address", address.text()),
                "the array management address " + address.text() + " is unreachable (" + detail + ")", cause);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
