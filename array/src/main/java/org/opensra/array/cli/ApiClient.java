package org.opensra.array.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.opensra.spi.tls.TlsRefusal;
import org.opensra.spi.tls.TlsTrust;

/** The admin CLI's client of the management API (JDK HTTP, Basic auth). */
public final class ApiClient {
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    public interface BodyReader {
        void read(InputStream in) throws IOException;
    }

    private final String base;
    private final String authorization;
    private final SSLContext tls;

    /** A client trusting the system trust store (for https). */
    public ApiClient(String address, String user, char[] password) {
        this(address, user, password, null, null);
    }

    /**
     * {@code host:port} and {@code https://} addresses use TLS, trusted by the pinned fingerprint, else
     * the CA file, else the system trust store; only {@code http://} is plain (a daemon run --insecure).
     */
    public ApiClient(String address, String user, char[] password, String fingerprint, Path caFile) {
        String a = address.startsWith("http://") || address.startsWith("https://") ? address : "https://" + address;
        this.base = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        if (base.startsWith("http://")) {
            tls = null;
        } else {
            try {
                tls = TlsTrust.of(fingerprint, caFile).context();
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw new CliException("cannot set up TLS trust: " + e.getMessage());
            }
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public JsonNode get(String path) {
        return call("GET", path, null, null, null);
    }

    public JsonNode delete(String path) {
        return call("DELETE", path, null, null, null);
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body, null, null);
    }

    public JsonNode put(String path, BodyWriter writer) {
        return call("PUT", path, null, writer, null);
    }

    public void download(String path, BodyReader reader) {
        call("GET", path, null, null, reader);
    }

    private JsonNode call(String method, String path, Object json, BodyWriter writer, BodyReader reader) {
        HttpURLConnection conn = null;
        try {
            conn = (HttpURLConnection) new URL(base + path).openConnection();
            if (conn instanceof HttpsURLConnection) {
                ((HttpsURLConnection) conn).setSSLSocketFactory(tls.getSocketFactory());
                ((HttpsURLConnection) conn).setHostnameVerifier(TlsTrust.HOSTS_CHECKED_BY_TRUST);
            }
            conn.setRequestMethod(method);
            conn.setConnectTimeout(5000);
            conn.setReadTimeout(600_000);
            conn.setRequestProperty("Authorization", authorization);
            if (json != null) {
                byte[] b = Json.MAPPER.writeValueAsBytes(json);
                conn.setDoOutput(true);
                conn.setFixedLengthStreamingMode(b.length);
                conn.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = conn.getOutputStream()) {
                    out.write(b);
                }
            } else if (writer != null) {
                conn.setDoOutput(true);
                conn.setChunkedStreamingMode(1 << 20);
                conn.setRequestProperty("Content-Type", "application/octet-stream");
                try (OutputStream out = conn.getOutputStream()) {
                    writer.write(out);
                }
            }
            int status = conn.getResponseCode();
            if (status / 100 != 2) {
                InputStream err = conn.getErrorStream();
                byte[] body = err == null ? new byte[0] : err.readAllBytes();
                String msg = "HTTP " + status;
                try {
                    JsonNode e = Json.MAPPER.readTree(body).path("error");
                    msg = e.path("code").asText() + ": " + e.path("message").asText();
                } catch (IOException | RuntimeException ignored) {
                    // not JSON: keep the status
                }
                throw new CliException(msg);
            }
            try (InputStream in = conn.getInputStream()) {
                if (reader != null) {
                    reader.read(in);
                    return null;
                }
                byte[] body = in.readAllBytes();
                return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
            }
        } catch (java.net.ConnectException e) {
            throw new CliException("array at " + base + " is unreachable (connection refused)");
        } catch (IOException e) {
            TlsRefusal refused = TlsRefusal.in(e);
            if (refused != null) {
                throw new CliException("the array at " + base + " was refused: " + refused.getMessage()
                    + " (if that is the array's certificate: --fingerprint SHA256:" + refused.fingerprint() + ")");
            }
            throw new CliException("request to " + base + " failed: " + e.getMessage());
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }
}
