package org.opensra.driver.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.HttpsURLConnection;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;
import org.opensra.spi.tls.TlsWarmUp;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.opensra.spi.tls.TlsTrust;
import java.util.Optional;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;

/**
 * The driver for the OpenSRA embedded array ({@code driver=embedded}). Options are read from
 * {@code sra/conf/opensra.properties} ({@link DriverOptions}); a bad option does not break the
 * description (it falls back to the defaults) but makes every session fail with a clear reason.
 */
public final class EmbeddedDriverFactory implements ArrayDriverFactory {
    public static final String NAME = "embedded";

    private final DriverOptions options;
    private final Optional<String> optionsProblem;

    /** The ServiceLoader constructor: options from the SRA's configuration file. */
    public EmbeddedDriverFactory() {
        DriverOptions loaded;
        String problem = null;
        try {
            loaded = DriverOptions.load();
        } catch (IllegalArgumentException e) {
            loaded = DriverOptions.defaults();
            problem = e.getMessage();
        }
        this.options = loaded;
        this.optionsProblem = Optional.ofNullable(problem);
    }

    public EmbeddedDriverFactory(DriverOptions options) {
        this.options = options;
        this.optionsProblem = Optional.empty();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverDescription description() {
        return EmbeddedDescription.of(options.identity());
    }

    public DriverOptions options() {
        return options;
    }

    @Override
    public ArrayDriver open(ConnectionValues connection) throws DriverException {
        return open(connection, Deadline.none());
    }

    /** A session whose every array call ends by the deadline and that remembers an unreachable address (FO-5). */
    @Override
    public ArrayDriver open(ConnectionValues connection, Deadline deadline) throws DriverException {
        if (optionsProblem.isPresent()) {
            throw DriverFailure.of(DriverError.OPERATION_FAILED, "driver configuration: " + optionsProblem.get(),
                    "Object", "sra/conf/opensra.properties", "Reason", optionsProblem.get()).toException();
        }
        String text = connection.addresses().get(EmbeddedDescription.ADDRESS_ID);
        if (text == null) {
            text = connection.addresses().values().stream().findFirst().orElse(null);
        }
        ManagementAddress address;
        try {
            address = ManagementAddress.parse(text);
        } catch (IllegalArgumentException e) {
            String shown = text == null ? "(none)" : text;
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", shown),
                    "bad management address: " + e.getMessage());
        }
        SSLContext tls = null;
        if (address.tls()) {
            String pinned = connection.opaque(EmbeddedDescription.FINGERPRINT_ID).orElse(null);
            try {
                tls = TlsTrust.of(pinned, options.caFile().orElse(null)).context();
            } catch (IllegalArgumentException e) {
                throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", address.text()),
                        "bad " + EmbeddedDescription.FINGERPRINT_ID + " connection parameter: " + e.getMessage());
            } catch (IOException | GeneralSecurityException e) {
                throw DriverFailure.of(DriverError.OPERATION_FAILED, "TLS trust: " + e.getMessage(),
                        "Object", "embedded.caFile", "Reason", String.valueOf(e.getMessage())).toException();
            }
        }
        ArrayClient client = new ArrayClient(address, connection.username().orElse(""),
                connection.password().orElse(""), options.connectTimeoutSeconds() * 1000,
                options.readTimeoutSeconds() * 1000, deadline, tls);
        return EmbeddedDriver.open(client, options);
    }

    /**
     * What a command of this driver does on the wire, in memory: a TLS 1.3 handshake with a server trusted by
     * fingerprint, an HTTP request and a JSON answer read back and parsed; and an HTTPS connection set up as
     * {@link ArrayClient} sets it up (not connected).
     */
    @Override
    public void warmUp(Path trainingKey, char[] password) throws IOException, GeneralSecurityException {
        byte[] body = TRAINING_ANSWER.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        byte[] got = TlsWarmUp.exchange(trainingKey, password,
                "GET /api/v1/replication HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII), answer);
        JsonObject listing = JsonReader.parseObject(new String(got, head.length, got.length - head.length,
                StandardCharsets.UTF_8));
        listing.objects("pairs");
        HttpsURLConnection https = (HttpsURLConnection) URI.create("https://127.0.0.1/api/v1/array").toURL()
                .openConnection();
        https.setSSLSocketFactory(TlsTrust.system().context().getSocketFactory());
        https.setHostnameVerifier(TlsTrust.HOSTS_CHECKED_BY_TRUST);
        https.setRequestProperty("Accept", "application/json");
    }

    /** A replication listing as the array answers it (array/API.md), for {@link #warmUp}. */
    private static final String TRAINING_ANSWER = "{\"pairs\":[{\"id\":\"pair-1\",\"role\":\"source\","
            + "\"volume\":{\"id\":\"vol-1\",\"name\":\"training\",\"sizeBytes\":1048576,\"wwn\":\"6001405f0e1d2c3b\"},"
            + "\"peer\":\"array-b\",\"peerVolumeId\":\"vol-9\",\"rpoSeconds\":0,\"paused\":false,\"lag\":-1.5e0,"
            + "\"lastSync\":null,\"clones\":[]}],\"groups\":[{\"id\":\"group-1\",\"members\":[\"vol-1\"]}]}";
}
