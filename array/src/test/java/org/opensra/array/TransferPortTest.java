package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication data port of a daemon, spoken to directly as a peer would (array/API.md, "transfer
 * port"): only ticket holders get in, a ticket works once, refusals come back as the API's JSON errors,
 * a retried point costs no blocks, and a stream cut short is never applied.
 */
class TransferPortTest {
    private static final int MB = 1 << 20;

    @TempDir
    Path tmp;
    TwoArrays arrays;
    TestApi a;
    TestApi b;
    /** B as A's peer account sees it: the only account allowed on the internal routes. */
    TestApi peerB;

    @BeforeEach
    void start() throws Exception {
        arrays = new TwoArrays(tmp);
        a = arrays.apiA();
        b = arrays.apiB();
        peerB = arrays.peerApiB();
    }

    @AfterEach
    void stop() {
        arrays.close();
    }

    private record Ticket(int port, byte[] bytes) {
    }

    private record Frame(int status, JsonNode json) {
    }

    private Ticket ticket(String... pairs) {
        JsonNode t = peerB.post("/internal/v1/replication/transfer-ticket", Map.of("pairs", List.of(pairs))).ok().json();
        return new Ticket(t.path("port").asInt(), HexFormat.of().parseHex(t.path("ticket").asText()));
    }

    private static SocketChannel connect(int port) throws IOException {
        return SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    }

    private static void write(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void sendHeader(SocketChannel ch, Ticket t, Object header) throws IOException {
        byte[] h = Json.bytes(header);
        write(ch, ByteBuffer.wrap(t.bytes()));
        write(ch, ByteBuffer.allocate(4 + h.length).putInt(h.length).put(h).flip());
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException();
            }
        }
    }

    private static Frame frame(SocketChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        readFully(ch, head);
        ByteBuffer body = ByteBuffer.allocate(head.getInt(4));
        readFully(ch, body);
        return new Frame(head.getInt(0), body.capacity() == 0 ? null : Json.MAPPER.readTree(body.array()));
    }

    private static boolean closedByPeer(SocketChannel ch) throws IOException {
        return ch.read(ByteBuffer.allocate(1)) < 0;
    }

    private String replicated(String name, byte[] data) {
        String v = a.createVolume(name, 4L * MB);
        a.write(v, 0, data);
        a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0)).ok();
        return v;
    }

    private String pairOf(String volume) {
        return a.get("/api/v1/volumes/" + volume).ok().json().path("pairId").asText();
    }

    private JsonNode targetState(String pair) {
        return peerB.post("/internal/v1/replication/state", Map.of("pairs", List.of(pair))).ok().json().path("pairs").path(0);
    }

    private int recoveryPoints(String replica) {
        return b.batch("recovery-points", List.of(replica), List.of()).item(0).path("recoveryPoints").size();
    }

    @Test
    @DisplayName("a connection without a valid ticket is answered UNAUTHORIZED and closed")
    void refusesWithoutTicket() throws Exception {
        int port = ticket("any-pair").port();
        try (SocketChannel ch = connect(port)) {
            write(ch, ByteBuffer.wrap(new byte[32]));
            Frame f = frame(ch);
            assertThat(f.status()).isEqualTo(401);
            assertThat(f.json().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(closedByPeer(ch)).isTrue();
        }
    }

    @Test
    @DisplayName("a ticket opens one connection only; a refused header comes back as the API's JSON error")
    void ticketWorksOnce() throws Exception {
        Ticket t = ticket("no-such-pair");
        Map<String, Object> header = Json.obj("time", "2026-01-01T00:00:00Z",
            "members", List.of(Json.obj("pairId", "no-such-pair", "full", true, "sourceSnapshot", "s1")));
        try (SocketChannel ch = connect(t.port())) {
            sendHeader(ch, t, header);
            Frame f = frame(ch);
            assertThat(f.status()).isEqualTo(404);
            assertThat(f.json().path("error").path("code").asText()).isEqualTo("NOT_FOUND");
        }
        try (SocketChannel ch = connect(t.port())) {
            sendHeader(ch, t, header);
            assertThat(frame(ch).status()).as("the same ticket again").isEqualTo(401);
        }
    }

    @Test
    @DisplayName("SYNC-1 a retried transfer of a point the target already holds is answered at once: no block travels again")
    void appliedPointIsNotSentAgain() throws Exception {
        String v = replicated("retried", Bytes.random(7, MB));
        a.syncAndWait(List.of(v), List.of());
        String pair = pairOf(v);
        JsonNode st = targetState(pair);
        Ticket t = ticket(pair);
        try (SocketChannel ch = connect(t.port())) {
            sendHeader(ch, t, Json.obj("time", "2026-01-01T00:00:00Z", "members", List.of(Json.obj("pairId", pair,
                "full", false, "baseRp", st.path("latestRp").asText(), "sourceSnapshot", st.path("latestPeerSnapshot").asText()))));
            Frame f = frame(ch);
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.json().path("applied").asBoolean()).isFalse();
            assertThat(f.json().path("recoveryPoints").path(0).path("id").asText()).isEqualTo(st.path("latestRp").asText());
        }
    }

    @Test
    @DisplayName("SYNC-1 a stream cut short after some blocks is never applied, and the next sync works")
    void cutStreamIsNotApplied() throws Exception {
        byte[] data = Bytes.random(8, 2 * MB);
        String v = replicated("cut", data);
        a.syncAndWait(List.of(v), List.of());
        String pair = pairOf(v);
        String replica = a.get("/api/v1/volumes/" + v).ok().json().path("replication").path("peerVolumeId").asText();
        JsonNode st = targetState(pair);
        Ticket t = ticket(pair);
        try (SocketChannel ch = connect(t.port())) {
            sendHeader(ch, t, Json.obj("time", "2026-01-01T00:00:00Z", "members", List.of(Json.obj("pairId", pair,
                "full", false, "baseRp", st.path("latestRp").asText(), "sourceSnapshot", "not-yet-sent"))));
            assertThat(frame(ch).status()).as("blocks asked for").isEqualTo(100);
            // one batch of two blocks whose data stops half-way through the second
            ByteBuffer batch = ByteBuffer.allocate(4 + 2 * 12 + 65536 + 1000);
            batch.putInt(2).putLong(0).putInt(65536).putLong(1).putInt(65536);
            batch.put(new byte[65536]).put(new byte[1000]).flip();
            batch.put(28, (byte) 1);
            write(ch, batch);
        }
        assertThat(recoveryPoints(replica)).isEqualTo(1);
        byte[] patch = Bytes.random(9, 65536);
        a.write(v, 65536, patch);
        System.arraycopy(patch, 0, data, 65536, patch.length);
        a.syncAndWait(List.of(v), List.of());
        assertThat(recoveryPoints(replica)).isEqualTo(2);
        assertThat(b.read(replica, 0, data.length)).isEqualTo(data);
        assertThat(targetState(pair).path("latestRp").asText()).isNotEqualTo(st.path("latestRp").asText());
    }

    @Test
    @DisplayName("SEC-1 a transfer ticket is bound to its pairs: refused for another pair, and a second time")
    void ticketBoundToPairs() throws Exception {
        String v1 = replicated("bound one", Bytes.random(10, MB));
        String v2 = replicated("bound two", Bytes.random(11, MB));
        a.syncAndWait(List.of(v1, v2), List.of());
        String pair1 = pairOf(v1);
        String pair2 = pairOf(v2);
        JsonNode st2 = targetState(pair2);
        Ticket forOne = ticket(pair1);
        Map<String, Object> headerForTwo = Json.obj("time", "2026-01-01T00:00:00Z", "members", List.of(Json.obj("pairId",
            pair2, "full", false, "baseRp", st2.path("latestRp").asText(), "sourceSnapshot", st2.path("latestPeerSnapshot").asText())));
        try (SocketChannel ch = connect(forOne.port())) {
            sendHeader(ch, forOne, headerForTwo);
            Frame f = frame(ch);
            assertThat(f.status()).as("a ticket for pair one, used for pair two").isEqualTo(401);
            assertThat(f.json().path("error").path("message").asText()).contains("other pairs");
        }
        Ticket forTwo = ticket(pair2);
        try (SocketChannel ch = connect(forTwo.port())) {
            sendHeader(ch, forTwo, headerForTwo);
            assertThat(frame(ch).status()).isEqualTo(200);
        }
        try (SocketChannel ch = connect(forTwo.port())) {
            sendHeader(ch, forTwo, headerForTwo);
            assertThat(frame(ch).status()).as("the same ticket a second time").isEqualTo(401);
        }
    }

    @Test
    @DisplayName("SEC-1 only the peer account gets a transfer ticket or uses the internal routes; admin and SRA accounts are refused")
    void internalRoutesArePeerOnly() {
        assertThat(b.post("/internal/v1/replication/transfer-ticket", Map.of("pairs", List.of("p"))).status()).isEqualTo(403);
        b.post("/api/v1/users", Map.of("name", "sra", "role", "sra", "password", "sra-password-123")).ok();
        TestApi sra = new TestApi(arrays.addrB(), "sra", "sra-password-123");
        for (String route : List.of("/internal/v1/replication/transfer-ticket", "/internal/v1/replication/become-source",
                "/internal/v1/replication/become-target", "/internal/v1/replicas", "/internal/v1/replication/state")) {
            TestApi.Resp r = sra.post(route, Map.of("pairs", List.of("p")));
            assertThat(r.status()).as(route).isEqualTo(403);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(sra.get("/internal/v1/ping").status()).isEqualTo(403);
    }
}
