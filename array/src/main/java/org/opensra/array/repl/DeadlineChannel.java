package org.opensra.array.repl;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A transfer connection whose every read and write has a deadline. SO_TIMEOUT does not apply to a
 * {@link SocketChannel}'s own reads (only to its stream adaptor, which would copy every block through
 * a heap array), so a watchdog closes the channel when one read or write has made no progress for the
 * deadline; the blocked call then fails, reported as a {@link SocketTimeoutException}.
 */
final class DeadlineChannel implements ByteChannel {
    private static final ScheduledExecutorService WATCHDOG =
        Executors.newSingleThreadScheduledExecutor(Futures.daemonThreads("transfer-deadlines"));
    private static final Set<DeadlineChannel> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        WATCHDOG.scheduleWithFixedDelay(DeadlineChannel::expire, 1, 1, TimeUnit.SECONDS);
    }

    private final ByteChannel ch;
    private final java.net.Socket socket;
    private final long deadlineNanos;
    /** When the read or write in progress started (0: none in progress). */
    private volatile long busySince;
    private volatile boolean expired;

    DeadlineChannel(SocketChannel ch, Duration deadline) {
        this(ch, ch.socket(), deadline);
    }

    private DeadlineChannel(ByteChannel ch, java.net.Socket socket, Duration deadline) {
        this.ch = ch;
        this.socket = socket;
        this.deadlineNanos = deadline.toNanos();
        WATCHED.add(this);
    }

    /**
     * A connection of either kind: a plain socket's own channel (blocks go to direct memory), or a TLS
     * socket's streams (they decrypt through the TLS engine's buffers anyway).
     */
    static DeadlineChannel of(java.net.Socket socket, Duration deadline) throws IOException {
        if (socket instanceof javax.net.ssl.SSLSocket) {
            return new DeadlineChannel(new StreamChannel(socket), socket, deadline);
        }
        return new DeadlineChannel(socket.getChannel(), socket, deadline);
    }

    /**
     * A TLS socket's input and output streams as one channel. Through our own 64 KiB buffers: the JDK's
     * Channels.newChannel copies through 8 KiB, so every 8 KiB became a TLS record and a socket write of its
     * own (bench/array: sync over TLS at 0.46 of the raw disk read, against 0.75 without TLS).
     */
    private static final class StreamChannel implements ByteChannel {
        private static final int CHUNK = 64 * 1024;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private final java.net.Socket socket;
        private final byte[] readBuffer = new byte[CHUNK];
        private final byte[] writeBuffer = new byte[CHUNK];

        StreamChannel(java.net.Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = in.read(readBuffer, 0, Math.min(dst.remaining(), CHUNK));
            if (n > 0) {
                dst.put(readBuffer, 0, n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = Math.min(src.remaining(), CHUNK);
            src.get(writeBuffer, 0, n);
            out.write(writeBuffer, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void expire() {
        long now = System.nanoTime();
        for (DeadlineChannel d : WATCHED) {
            long since = d.busySince;
            if (since != 0 && now - since > d.deadlineNanos) {
                d.expired = true;
                try {
                    d.socket.close();
                } catch (IOException ignored) {
                    // closing is all we can do
                }
                WATCHED.remove(d);
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        busySince = System.nanoTime() | 1;
        try {
            return ch.read(dst);
        } catch (IOException e) {
            throw timedOut(e);
        } finally {
            busySince = 0;
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        busySince = System.nanoTime() | 1;
        try {
            return ch.write(src);
        } catch (IOException e) {
            throw timedOut(e);
        } finally {
            busySince = 0;
        }
    }

    private IOException timedOut(IOException e) {
        if (!expired) {
            return e;
        }
        SocketTimeoutException t = new SocketTimeoutException("no progress on the transfer connection for "
            + TimeUnit.NANOSECONDS.toSeconds(deadlineNanos) + " s");
        t.initCause(e);
        return t;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public boolean isOpen() {
        return ch.isOpen();
    }

    @Override
    public void close() throws IOException {
        WATCHED.remove(this);
        socket.close();
    }
}
