package org.opensra.array.repl;

import jdk.net.ExtendedSocketOptions;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.nio.channels.WritableByteChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The target side of the replication data connection: a plain TCP port, next to the management API,
 * that receives transfer streams ({@link TransferFormat}) from peer arrays. Block data goes from the
 * socket straight into direct memory and from there to disk, without the HTTP server's small reads and
 * copies. A connection starts with a ticket from {@link TransferTickets} (obtained over the
 * authenticated API); anything else is refused.
 * <p>
 * Exchange: the peer sends the ticket and the header; this side answers a frame ({@code int status,
 * int length, JSON}): {@value #SEND_BLOCKS} to have the blocks sent, else the final answer (the point
 * is already here, or an error); after the blocks, the final frame: 200 and the recovery points, or the
 * error as the management API writes it.
 */
public final class TransferPort implements AutoCloseable {
    static final int SEND_BLOCKS = 100;
    private static final Logger LOG = Logger.getLogger(TransferPort.class.getName());
    /** An unauthenticated connection has this long to present its ticket. */
    private static final int TICKET_TIMEOUT_MS = 10_000;

    private final ServerSocketChannel server;
    /** The TLS listener (null: plain, the daemon's --insecure). */
    private final SSLServerSocket tlsServer;
    private final TransferTickets tickets;
    private final TransferReceiver receiver;
    /** Connections served at once; one more is closed at once (a source retries its transfer). */
    static final int MAX_CONNECTIONS = 16;
    /**
     * Each read or write of a transfer stream must make progress within this many seconds (the source
     * sends batches back to back); {@code -Dopensra.array.transferDeadlineSeconds} may change it.
     */
    static final long STREAM_DEADLINE_SECONDS = 120;
    private final ExecutorService handlers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), Futures.daemonThreads("transfer-port"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final Duration streamDeadline;

    /** Listens on host:port (port 0: any free one). */
    public TransferPort(InetSocketAddress address, TransferReceiver receiver) throws IOException {
        this(address, receiver, null);
    }

    /** Listens with TLS 1.3 when tls is given (else plain TCP). */
    public TransferPort(InetSocketAddress address, TransferReceiver receiver, SSLContext tls) throws IOException {
        this.tickets = new TransferTickets();
        this.streamDeadline = Duration.ofSeconds(Math.max(1, Long.getLong("opensra.array.transferDeadlineSeconds",
            STREAM_DEADLINE_SECONDS)));
        this.receiver = receiver;
        if (tls == null) {
            server = ServerSocketChannel.open();
            server.bind(address, 16);
            tlsServer = null;
        } else {
            server = null;
            tlsServer = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            tlsServer.setReuseAddress(true);
            tlsServer.bind(address, 16);
            tlsServer.setEnabledProtocols(new String[] {"TLSv1.3"});
        }
        acceptor = Futures.daemonThreads("transfer-accept").newThread(this::acceptLoop);
    }

    public void start() {
        acceptor.start();
    }

    public int port() {
        return tlsServer != null ? tlsServer.getLocalPort() : server.socket().getLocalPort();
    }

    /** What a peer needs to open one transfer connection: this port and a fresh one-time ticket. */
    public Map<String, Object> ticket(String peerUser, java.util.Set<String> pairs) {
        if (pairs.isEmpty()) {
            throw ArrayException.badRequest("a transfer ticket is for named pairs: 'pairs' is empty");
        }
        return Json.obj("port", port(), "ticket", tickets.issue(peerUser, pairs));
    }

    private void acceptLoop() {
        while (true) {
            Socket ch;
            try {
                ch = tlsServer != null ? tlsServer.accept() : server.accept().socket();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (tlsServer != null && tlsServer.isClosed()) {
                    return;
                }
                LOG.log(Level.WARNING, "transfer port: accept failed", e);
                continue;
            }
            open.add(ch);
            try {
                handlers.execute(() -> {
                    try (ch) {
                        serve(ch);
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.FINE, "transfer connection ended", e);
                    } finally {
                        open.remove(ch);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.fine("transfer port: " + MAX_CONNECTIONS + " connections already served; one refused");
                open.remove(ch);
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // refused anyway
                }
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        keepAlive(socket);
        try (DeadlineChannel ch = DeadlineChannel.of(socket, streamDeadline)) {
            serve(socket, ch);
        }
    }

    private void serve(Socket socket, DeadlineChannel ch) throws IOException {
        TransferTickets.Binding ticket = tickets.redeem(readTicket(socket));
        if (ticket == null) {
            error(new ArrayException(ErrorCode.UNAUTHORIZED, "no valid transfer ticket", null)).write(ch);
            return;
        }
        TransferReceiver.Incoming incoming;
        try {
            incoming = receiver.begin(ch, ticket.pairs());
        } catch (RuntimeException e) {
            error(e).write(ch);
            return;
        }
        try {
            if (incoming.answer() != null) {
                ok(incoming.answer()).write(ch);
                return;
            }
            new Frame(SEND_BLOCKS, new byte[0]).write(ch);
            Frame last;
            try {
                last = ok(incoming.finish(ch));
            } catch (RuntimeException e) {
                // let the sender finish writing, so that it reads this answer instead of a reset connection
                new TransferInput(ch).drain();
                last = error(e);
            }
            last.write(ch);
        } finally {
            incoming.abort();
        }
    }

    /** The ticket: the first bytes, read with a timeout (a connection that sends nothing is dropped). */
    private static byte[] readTicket(Socket ch) throws IOException {
        ch.setSoTimeout(TICKET_TIMEOUT_MS); // bounds the TLS handshake too
        InputStream in = ch.getInputStream(); // not closed: that would close the connection
        try {
            return in.readNBytes(TransferTickets.LENGTH);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        } finally {
            ch.setSoTimeout(0); // from here on the DeadlineChannel's watchdog bounds each read
        }
    }

    /** Lets the kernel find a vanished peer (about a minute) on a connection that waits for data. */
    static void keepAlive(Socket ch) throws IOException {
        ch.setKeepAlive(true);
        try {
            if (ch.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                ch.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 30);
                ch.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
                ch.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
            }
        } catch (UnsupportedOperationException e) {
            // a TLS socket may not pass these on: the kernel's defaults then apply
        }
    }

    /** An answer on the transfer connection: {@code int status, int length, body}. */
    record Frame(int status, byte[] body) {
        private static final int MAX_BODY = 16 << 20;

        static Frame read(ReadableByteChannel ch) throws IOException {
            TransferInput in = new TransferInput(ch);
            int status = in.readInt();
            int length = in.readInt();
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("bad answer length " + length + " on the transfer connection");
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            in.readFully(body);
            return new Frame(status, body.array());
        }

        void write(WritableByteChannel ch) throws IOException {
            writeAll(ch, ByteBuffer.allocate(2 * Integer.BYTES + body.length).putInt(status).putInt(body.length).put(body).flip());
        }
    }

    /** Writes all of b (a socket channel may take less than all in one write). */
    static void writeAll(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static Frame ok(Map<String, Object> answer) {
        return new Frame(200, Json.bytes(answer));
    }

    private static Frame error(RuntimeException failure) {
        ArrayException e;
        if (failure instanceof ArrayException a) {
            e = a;
        } else {
            LOG.log(Level.WARNING, "internal error receiving a transfer", failure);
            e = new ArrayException(ErrorCode.INTERNAL, "internal error: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), null);
        }
        return new Frame(e.code().httpStatus(), Json.bytes(Map.of("error", Json.error(e))));
    }

    @Override
    public void close() {
        try {
            if (tlsServer != null) {
                tlsServer.close();
            } else {
                server.close();
            }
        } catch (IOException ignored) {
            // shutdown
        }
        for (Socket ch : open) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // shutdown
            }
        }
        handlers.shutdownNow();
    }
}
