package org.opensra.driver.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.spi.tls.TlsWarmUp;

/**
 * The startup archive's training (issue 11): the driver's client stack runs once in memory, a real TLS 1.3
 * handshake between two engines with a throwaway key, no socket.
 */
class WarmUpTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("SEC-1 the in-memory exchange is a real TLS handshake: the request and the answer arrive whole, trusted by fingerprint")
    void exchangeCarriesBothWays() throws Exception {
        TestCertificates.make(tmp, "training", "ip:127.0.0.1", null, 2);
        byte[] answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".repeat(500).getBytes(StandardCharsets.US_ASCII);
        byte[] got = TlsWarmUp.exchange(tmp.resolve("training.p12"), "changeit".toCharArray(),
                "GET / HTTP/1.1\r\n\r\n".repeat(1000).getBytes(StandardCharsets.US_ASCII), answer);
        assertThat(got).isEqualTo(answer);
    }

    @Test
    @DisplayName("INV-1 the embedded driver's warm-up (the archive training of the SRA folder) runs without any array; a store it cannot open is an error, not a hang")
    void driverWarmUp() throws Exception {
        TestCertificates.make(tmp, "training", "ip:127.0.0.1", null, 2);
        new EmbeddedDriverFactory(DriverOptions.defaults()).warmUp(tmp.resolve("training.p12"), "changeit".toCharArray());
        assertThatThrownBy(() -> new EmbeddedDriverFactory(DriverOptions.defaults())
                .warmUp(tmp.resolve("training.p12"), "wrong-password".toCharArray()))
                .isInstanceOfAny(IOException.class, GeneralSecurityException.class);
    }
}
