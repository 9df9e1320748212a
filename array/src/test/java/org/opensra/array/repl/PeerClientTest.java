package org.opensra.array.repl;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PeerClientTest {
    @Test
    @DisplayName("SEC-1 an unreachable transfer port is named in the error (host:port, peer), the peer password is not")
    void anUnreachableTransferPortIsNamedInTheError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        byte[] ticket = ("{\"port\":" + closedPort + ",\"ticket\":\"" + "00".repeat(32) + "\"}").getBytes(StandardCharsets.UTF_8);
        api.createContext("/internal/v1/replication/transfer-ticket", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, ticket.length);
            ex.getResponseBody().write(ticket);
            ex.close();
        });
        api.start();
        try {
            PeerClient peer = new PeerClient("array-x", "http://127.0.0.1:" + api.getAddress().getPort(), "admin", "pw".toCharArray(), null);
            ArrayException e = catchThrowableOfType(() -> peer.transfer(java.util.List.of("p1"), ch -> { }, ch -> { }), ArrayException.class);
            assertThat(e.code()).isEqualTo(ErrorCode.PEER_UNREACHABLE);
            assertThat(e.getMessage()).contains("transfer port 127.0.0.1:" + closedPort).contains("array-x").doesNotContain("pw");
        } finally {
            api.stop(0);
        }
    }
}
