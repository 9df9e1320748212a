package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The transfer port's limits (issue 18, array/API.md "Limits"): a ticket holder that stops sending is
 * disconnected after the stream deadline, and connections beyond the bound are closed at once.
 */
class TransferPortLimitsTest {
    private static final String DEADLINE = "opensra.array.transferDeadlineSeconds";

    @TempDir
    Path tmp;

    private static boolean closedWithin(Socket s, int ms) throws IOException {
        s.setSoTimeout(ms);
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset: closed as well
        }
    }

    @Test
    @DisplayName("issue 18: a ticket holder that sends nothing more is disconnected after the stream deadline")
    void stalledStreamIsCut() throws Exception {
        System.setProperty(DEADLINE, "2");
        try (TwoArrays arrays = new TwoArrays(tmp)) {
            JsonNode t = arrays.peerApiB().post("/internal/v1/replication/transfer-ticket", Map.of("pairs", java.util.List.of("any-pair"))).ok().json();
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", t.path("port").asInt()))) {
                ByteBuffer ticket = ByteBuffer.wrap(HexFormat.of().parseHex(t.path("ticket").asText()));
                while (ticket.hasRemaining()) {
                    ch.write(ticket);
                }
                // no header: the target waits for it, at most the deadline
                if (!closedWithin(ch.socket(), 60_000)) {
                    fail("the transfer port kept a stalled stream open for 60 s");
                }
            }
        } finally {
            System.clearProperty(DEADLINE);
        }
    }

    @Test
    @DisplayName("issue 18: connections beyond the transfer port's bound are closed at once; the ones served are not")
    void connectionsAreBounded() throws Exception {
        try (TwoArrays arrays = new TwoArrays(tmp)) {
            int port = arrays.peerApiB().post("/internal/v1/replication/transfer-ticket", Map.of("pairs", java.util.List.of("any-pair"))).ok().json().path("port").asInt();
            List<Socket> served = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    served.add(new Socket("127.0.0.1", port)); // each holds a handler (waiting for its ticket, 10 s)
                }
                try (Socket extra = new Socket("127.0.0.1", port)) {
                    assertThat(closedWithin(extra, 9_000)).as("the 17th connection is closed at once").isTrue();
                }
                assertThat(closedWithin(served.get(0), 100)).as("a served connection is still open").isFalse();
            } finally {
                for (Socket s : served) {
                    s.close();
                }
            }
        }
    }
}
