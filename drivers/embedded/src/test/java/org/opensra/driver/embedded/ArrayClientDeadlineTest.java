package org.opensra.driver.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;

/**
 * The driver's array calls against local sockets: bounded by the command deadline (INV-3), and an
 * unreachable address costs one timeout per session, not one per call (FO-5).
 */
class ArrayClientDeadlineTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    /** Accepts connections on loopback and never answers them (a hung array). */
    static final class SilentArray implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentArray() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        open.add(server.accept());
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-array");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        ManagementAddress address() {
            return ManagementAddress.parse("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            server.close();
            for (Socket s : open) {
                s.close();
            }
            acceptor.join(5000);
        }
    }

    private SilentArray silent;
    private HttpServer http;

    @AfterEach
    void stop() throws Exception {
        if (silent != null) {
            silent.close();
        }
        if (http != null) {
            http.stop(0);
        }
    }

    private static ArrayClient client(ManagementAddress address, int connectMillis, int readMillis, Deadline deadline) {
        return new ArrayClient(address, "admin", "pw", connectMillis, readMillis, deadline);
    }

    @Test
    @DisplayName("INV-3 a never-answering array: a call ends by the command deadline with DEADLINE_REACHED, not after the read timeout")
    void readBoundedByDeadline() throws Exception {
        silent = new SilentArray();
        ArrayClient client = client(silent.address(), 10_000, 120_000, Deadline.inSeconds(2));
        DriverException e = Assertions.assertTimeoutPreemptively(GENEROUS,
                () -> catchThrowableOfType(() -> client.get("/array"), DriverException.class));
        assertThat(e.error()).isEqualTo(DriverError.DEADLINE_REACHED);
        assertThat(e.placeholders()).containsEntry("Seconds", "2");
        assertThat(e.getMessage()).contains("deadline of 2 s").contains(silent.address().text());
    }

    @Test
    @DisplayName("INV-3 after the deadline a call fails at once, without connecting")
    void noCallAfterDeadline() throws Exception {
        silent = new SilentArray();
        ArrayClient client = client(silent.address(), 10_000, 120_000, Deadline.inMillis(0));
        DriverException e = catchThrowableOfType(() -> client.post("/replication/promote", Map.of()), DriverException.class);
        assertThat(e.error()).isEqualTo(DriverError.DEADLINE_REACHED);
        Thread.sleep(100);
        assertThat(silent.accepted.get()).isZero();
    }

    @Test
    @DisplayName("FO-5 an array that does not answer within the read timeout is remembered: the next call fails at once with the same error, without connecting again")
    void readTimeoutRemembered() throws Exception {
        silent = new SilentArray();
        ArrayClient client = client(silent.address(), 10_000, 500, Deadline.inSeconds(240));
        DriverException first = Assertions.assertTimeoutPreemptively(GENEROUS,
                () -> catchThrowableOfType(() -> client.get("/array"), DriverException.class));
        assertThat(first.error()).isEqualTo(DriverError.ARRAY_UNREACHABLE);
        assertThat(first.placeholders()).containsEntry("Address", silent.address().text());
        int accepted = silent.accepted.get();
        DriverException second = catchThrowableOfType(() -> client.post("/replication/promote", Map.of()),
                DriverException.class);
        assertThat(second).isSameAs(first);
        Thread.sleep(100);
        assertThat(silent.accepted.get()).isEqualTo(accepted);
    }

    @Test
    @DisplayName("FO-5 a refused connection is remembered for the session: later calls fail at once with the same error")
    void refusedRemembered() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ArrayClient client = client(ManagementAddress.parse("http://127.0.0.1:" + port), 10_000, 120_000, Deadline.inSeconds(240));
        DriverException first = catchThrowableOfType(() -> client.get("/array"), DriverException.class);
        assertThat(first.error()).isEqualTo(DriverError.ARRAY_UNREACHABLE);
        DriverException second = catchThrowableOfType(() -> client.get("/replication"), DriverException.class);
        assertThat(second).isSameAs(first);
    }

    @Test
    @DisplayName("INV-3 FO-5 the factory's session is bounded by the deadline it is opened with")
    void factoryPassesDeadline() throws Exception {
        silent = new SilentArray();
        EmbeddedDriverFactory factory = new EmbeddedDriverFactory(DriverOptions.defaults());
        ConnectionValues values = new ConnectionValues("array", Map.of("managementAddress", silent.address().text()),
                Optional.of("admin"), Optional.of("pw"), Map.of());
        DriverException e = Assertions.assertTimeoutPreemptively(GENEROUS,
                () -> catchThrowableOfType(() -> factory.open(values, Deadline.inSeconds(2)), DriverException.class));
        assertThat(e.error()).isEqualTo(DriverError.DEADLINE_REACHED);
    }

    @Test
    @DisplayName("INV-3 the default read timeout is well below the command deadline (240 s) and SRM's timeout (300 s)")
    void defaults() {
        assertThat(DriverOptions.defaults().connectTimeoutSeconds()).isEqualTo(10);
        assertThat(DriverOptions.defaults().readTimeoutSeconds()).isLessThanOrEqualTo(120);
    }

    @Test
    @DisplayName("FO-5 the session check does not make the array probe its peers (GET /array?probe=false)")
    void sessionCheckDoesNotProbePeers() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                queries.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
                byte[] body = "{\"id\":\"array-b\",\"peers\":[{\"id\":\"array-a\",\"address\":\"x\",\"reachable\":null}]}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.start();
        ArrayClient client = client(ManagementAddress.parse("http://127.0.0.1:" + http.getAddress().getPort()), 10_000, 120_000,
                Deadline.inSeconds(240));
        EmbeddedDriver driver = EmbeddedDriver.open(client, DriverOptions.defaults());
        assertThat(queries).containsExactly("/api/v1/array?probe=false");
        assertThat(driver.arrays().get(0).peerArrayIds()).containsExactly("array-a");
    }
}
