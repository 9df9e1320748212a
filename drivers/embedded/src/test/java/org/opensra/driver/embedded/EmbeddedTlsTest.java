package org.opensra.driver.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.tls.TlsTrust;

/**
 * Issue 12: the embedded driver speaks TLS to the array and verifies it: pinned fingerprint, or CA file;
 * a wrong fingerprint, an expired certificate, a certificate for another host and an untrusted one
 * each fail with their own error naming the fingerprint seen, and nothing falls back to plain HTTP.
 */
class EmbeddedTlsTest {
    private static final String SECRET = "s3cret-tls";
    private static final String ARRAY = "{\"id\":\"array-a\",\"name\":\"A\",\"peers\":[]}";

    @TempDir
    Path tmp;

    private static ConnectionValues connection(FakeArray fake, String fingerprint) {
        Map<String, String> opaques = new HashMap<>();
        if (fingerprint != null) {
            opaques.put(EmbeddedDescription.FINGERPRINT_ID, fingerprint);
        }
        return new ConnectionValues("array", Map.of("managementAddress", fake.address()), Optional.of("admin"),
                Optional.of(SECRET), opaques);
    }

    private static EmbeddedDriverFactory factory(Path caFile) {
        return new EmbeddedDriverFactory(new DriverOptions(IdentityForm.WWN, Optional.empty(), 5, 30,
                Optional.ofNullable(caFile)));
    }

    private static void refused(EmbeddedDriverFactory f, ConnectionValues c, DriverError error, TestCertificates seen) {
        assertThatThrownBy(() -> f.open(c)).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.placeholders()).containsEntry("Fingerprint", "SHA256:" + TlsTrust.fingerprint(seen.certificate))
                    .containsKey("Address");
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    @Test
    @DisplayName("CONN-2 SEC-1 a pinned fingerprint: the array answers over TLS; the driver never sends the password in clear")
    void pinned() throws Exception {
        TestCertificates cert = TestCertificates.make(tmp, "good", "ip:127.0.0.1", null, 30);
        try (FakeArray fake = new FakeArray("admin", SECRET, cert.server)) {
            fake.json("GET /array", ARRAY);
            try (ArrayDriver d = factory(null).open(connection(fake, "sha256:" + TlsTrust.fingerprint(cert.certificate)
                    .toLowerCase(java.util.Locale.ROOT)))) {
                assertThat(fake.calls).isNotEmpty();
            }
        }
    }

    @Test
    @DisplayName("SEC-1 a wrong fingerprint is TLS_FINGERPRINT_MISMATCH (1020) naming the fingerprint seen")
    void wrongFingerprint() throws Exception {
        TestCertificates cert = TestCertificates.make(tmp, "good", "ip:127.0.0.1", null, 30);
        try (FakeArray fake = new FakeArray("admin", SECRET, cert.server)) {
            fake.json("GET /array", ARRAY);
            refused(factory(null), connection(fake, "AA".repeat(32)), DriverError.TLS_FINGERPRINT_MISMATCH, cert);
            assertThat(fake.calls).as("no request reached the array").isEmpty();
        }
    }

    @Test
    @DisplayName("SEC-1 an expired certificate is TLS_CERTIFICATE_EXPIRED (1021), even when pinned")
    void expired() throws Exception {
        TestCertificates cert = TestCertificates.make(tmp, "old", "ip:127.0.0.1", "-10d", 2);
        try (FakeArray fake = new FakeArray("admin", SECRET, cert.server)) {
            fake.json("GET /array", ARRAY);
            refused(factory(null), connection(fake, TlsTrust.fingerprint(cert.certificate)),
                    DriverError.TLS_CERTIFICATE_EXPIRED, cert);
            refused(factory(cert.writePem(tmp.resolve("old.pem"))), connection(fake, null),
                    DriverError.TLS_CERTIFICATE_EXPIRED, cert);
        }
    }

    @Test
    @DisplayName("SEC-1 a certificate for another host is TLS_WRONG_HOST (1022) under CA trust")
    void otherHost() throws Exception {
        TestCertificates cert = TestCertificates.make(tmp, "other", "dns:other.example", null, 30);
        try (FakeArray fake = new FakeArray("admin", SECRET, cert.server)) {
            fake.json("GET /array", ARRAY);
            refused(factory(cert.writePem(tmp.resolve("other.pem"))), connection(fake, null), DriverError.TLS_WRONG_HOST, cert);
        }
    }

    @Test
    @DisplayName("SEC-1 a certificate no trusted authority signed is TLS_UNTRUSTED (1023); system trust refuses a self-signed one")
    void untrusted() throws Exception {
        TestCertificates cert = TestCertificates.make(tmp, "self", "ip:127.0.0.1", null, 30);
        TestCertificates otherCa = TestCertificates.make(tmp, "ca", "dns:ca.example", null, 30);
        try (FakeArray fake = new FakeArray("admin", SECRET, cert.server)) {
            fake.json("GET /array", ARRAY);
            refused(factory(otherCa.writePem(tmp.resolve("ca.pem"))), connection(fake, null), DriverError.TLS_UNTRUSTED, cert);
            refused(factory(null), connection(fake, null), DriverError.TLS_UNTRUSTED, cert);
            try (ArrayDriver d = factory(cert.writePem(tmp.resolve("self.pem"))).open(connection(fake, null))) {
                assertThat(fake.calls).as("the CA file that holds it trusts it").isNotEmpty();
            }
        }
    }
}
