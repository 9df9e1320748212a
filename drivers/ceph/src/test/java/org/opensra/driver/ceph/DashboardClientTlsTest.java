package org.opensra.driver.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverError;
import org.opensra.spi.tls.TlsTrust;
import org.opensra.spi.DriverException;

/** The dashboard client against a fake dashboard over HTTPS with a self-signed certificate (loopback, free port). */
class DashboardClientTlsTest {
    private static final String PASSWORD = "Secret-Pw-4711";
    private HttpsServer server;
    private String fingerprint;
    private String address;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("ks.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "k", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        fingerprint = TlsTrust.fingerprint((X509Certificate) ks.getCertificate("k"));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/api/auth", this::auth);
        server.createContext("/api/block/mirroring/site_name", x -> answer(x, 200, "{\"site_name\": \"site-x\"}"));
        server.start();
        address = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void auth(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains(PASSWORD)) {
            answer(x, 201, "{\"token\": \"jwt-1\", \"username\": \"rbdadmin\"}");
        } else {
            answer(x, 400, "{\"detail\": \"Invalid credentials\", \"code\": \"invalid_credentials\"}");
        }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private Site site(TlsTrust trust, String password) {
        return new Site(new DashboardClient(DashboardClient.baseUrl(address), address, trust, Deadline.inSeconds(60),
                "rbdadmin", password), List.of("rbd"));
    }

    @Test
    @DisplayName("CONN-2 the pinned certificate is trusted, the session logs in and reads the site name (the array id)")
    void pinnedCertificateTrusted() throws DriverException {
        assertThat(site(TlsTrust.pinned(fingerprint), PASSWORD).siteName()).isEqualTo("site-x");
    }

    @Test
    @DisplayName("CONN-2 SEC-1 another pin or no pin (system trust store) refuses the self-signed certificate; no credential in the error")
    void otherCertificateRefused() {
        String other = "00" + fingerprint.substring(2);
        assertThatThrownBy(() -> site(TlsTrust.pinned(other), PASSWORD).siteName())
                .isInstanceOf(DriverException.class)
                .satisfies(e -> assertThat(((DriverException) e).error()).isEqualTo(DriverError.TLS_FINGERPRINT_MISMATCH))
                .satisfies(e -> assertThat(((DriverException) e).placeholders()).containsEntry("Fingerprint", "SHA256:" + fingerprint))
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> site(TlsTrust.system(), PASSWORD).siteName())
                .isInstanceOf(DriverException.class)
                .satisfies(e -> assertThat(((DriverException) e).error()).isEqualTo(DriverError.TLS_UNTRUSTED))
                .isInstanceOf(DriverException.class).hasMessageContaining(CephDescription.FINGERPRINT_ID)
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    @DisplayName("SEC-1 a refused password is AUTHENTICATION_FAILED and appears nowhere in the error")
    void wrongPassword() {
        assertThatThrownBy(() -> site(TlsTrust.pinned(fingerprint), "Other-Pw-0815").siteName())
                .isInstanceOf(DriverException.class)
                .satisfies(e -> assertThat(((DriverException) e).error()).isEqualTo(DriverError.AUTHENTICATION_FAILED))
                .hasMessageNotContaining("Other-Pw-0815");
    }
}
