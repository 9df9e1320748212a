package org.opensra.array.tls;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.Bytes;
import org.opensra.array.Json;
import org.opensra.array.TestApi;
import org.opensra.array.TwoArrays;
import org.opensra.array.daemon.ArrayDaemon;
import org.opensra.array.daemon.DaemonConfig;
import org.opensra.array.daemon.TlsOptions;
import org.opensra.spi.tls.TlsTrust;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12: TLS on every listener of the array daemon; peers pin each other; key files stay owner-only. */
class TlsArrayTest {
    private static final int MB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("SEC-1 replication runs over TLS on the peer API and the transfer port, peers pinned by fingerprint")
    void replicationOverTls() throws Exception {
        try (TwoArrays arrays = new TwoArrays(tmp, true)) {
            TestApi a = arrays.apiA();
            TestApi b = arrays.apiB();
            JsonNode info = a.get("/api/v1/array").ok().json();
            assertThat(info.path("tls").path("fingerprint").asText())
                .isEqualTo("SHA256:" + arrays.daemonA().tlsFingerprint());
            byte[] data = Bytes.random(7, 2 * MB);
            String v = a.createVolume("tls vol", 4 * MB);
            a.write(v, 0, data);
            a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0)).ok();
            assertThat(a.syncAndWait(List.of(v), List.of()).path("state").asText()).isEqualTo("complete");
            String replica = a.get("/api/v1/volumes/" + v).ok().json().path("replication").path("peerVolumeId").asText();
            assertThat(b.read(replica)).isEqualTo(a.read(v));
        }
    }

    @Test
    @DisplayName("SEC-1 no plain text on a TLS listener: an HTTP request to the management port gets no HTTP answer")
    void noPlainTextFallback() throws Exception {
        try (ArrayDaemon d = start(tmp.resolve("a"), TlsOptions.own())) {
            try (Socket s = new Socket("127.0.0.1", d.address().getPort())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /api/v1/array HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = s.getInputStream().readNBytes(4);
                assertThat(new String(answer, StandardCharsets.ISO_8859_1)).isNotEqualTo("HTTP");
            } catch (IOException reset) {
                // the TLS server dropped the connection: no plain answer either
            }
        }
    }

    @Test
    @DisplayName("SEC-1 a peer whose certificate does not match the pinned fingerprint is refused, naming the one seen")
    void wrongPeerFingerprint() throws Exception {
        try (TwoArrays arrays = new TwoArrays(tmp, true)) {
            TestApi a = arrays.apiA();
            String wrong = TlsTrust.normalize("00".repeat(32));
            a.post("/api/v1/peers", Json.obj("id", "array-b", "address", "https://" + arrays.addrB(), "username",
                TwoArrays.USER, "password", TwoArrays.PASS_B, "fingerprint", wrong)).ok();
            JsonNode peers = a.get("/api/v1/peers").ok().json();
            assertThat(peers.path("peers").path(0).path("reachable").asBoolean()).isFalse();
            String v = a.createVolume("pinned vol", MB);
            TestApi.Resp r = a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0));
            assertThat(r.status()).isNotEqualTo(201);
            assertThat(r.json().toString()).contains(arrays.daemonB().tlsFingerprint());
        }
    }

    @Test
    @DisplayName("SEC-1 the daemon refuses to start with a TLS key file that others can read")
    void refusesWorldReadableOwnKey() throws Exception {
        Path data = tmp.resolve("a");
        String fp;
        try (ArrayDaemon d = start(data, TlsOptions.own())) {
            fp = d.tlsFingerprint();
        }
        Path key = data.resolve("tls/identity.p12");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> start(data, TlsOptions.own()))
            .isInstanceOf(IOException.class).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        try (ArrayDaemon d = start(data, TlsOptions.own())) {
            assertThat(d.tlsFingerprint()).as("the same identity on every start").isEqualTo(fp);
        }
    }

    @Test
    @DisplayName("SEC-1 an admin's PEM certificate and key are used; a world-readable PEM key is refused")
    void adminPem() throws Exception {
        Path own = tmp.resolve("own");
        try (ArrayDaemon d = start(own, TlsOptions.own())) {
            // only to make a key pair and certificate to hand over as PEM
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        char[] pass = Files.readString(own.resolve("tls/identity.pass")).strip().toCharArray();
        try (var in = Files.newInputStream(own.resolve("tls/identity.p12"))) {
            ks.load(in, pass);
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("opensra");
        PrivateKey key = (PrivateKey) ks.getKey("opensra", pass);
        Path certPem = tmp.resolve("cert.pem");
        Path keyPem = tmp.resolve("key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(keyPem, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> start(tmp.resolve("pem"), new TlsOptions(certPem, keyPem)))
            .isInstanceOf(IOException.class).hasMessageContaining("readable");
        Files.setPosixFilePermissions(keyPem, PosixFilePermissions.fromString("rw-------"));
        try (ArrayDaemon d = start(tmp.resolve("pem"), new TlsOptions(certPem, keyPem))) {
            assertThat(d.tlsFingerprint()).isEqualTo(TlsTrust.fingerprint(cert));
            TestApi api = new TestApi("127.0.0.1:" + d.address().getPort(), TwoArrays.USER, TwoArrays.PASS_A, d.tlsFingerprint());
            assertThat(api.get("/api/v1/array").ok().json().path("id").asText()).isEqualTo("array-a");
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static ArrayDaemon start(Path data, TlsOptions tls) throws IOException {
        return ArrayDaemon.start(new DaemonConfig("array-a", null, data, new InetSocketAddress("127.0.0.1", 0),
            TwoArrays.USER, TwoArrays.PASS_A.toCharArray(), false, 0), tls);
    }
}
