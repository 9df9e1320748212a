package org.opensra.array.repl;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every read on a transfer connection has a deadline (issue 18): a silent peer cannot hold a thread forever. */
class DeadlineChannelTest {
    @Test
    @DisplayName("issue 18: a read that gets no byte within the deadline fails with SocketTimeoutException; reads that get data pass")
    void silentPeerTimesOut() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept();
             DeadlineChannel ch = new DeadlineChannel(accepted, Duration.ofSeconds(2))) {
            client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            ByteBuffer three = ByteBuffer.allocate(3);
            while (three.hasRemaining()) {
                ch.read(three);
            }
            assertThat(three.array()).containsExactly(1, 2, 3);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1))).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(ch.isOpen()).isFalse();
        }
    }
}
