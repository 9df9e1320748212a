package org.opensra.array.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay that records every byte in both directions: listens on 127.0.0.2:PORT and
 * forwards to 127.0.0.1:PORT (the same port, so that addresses an array hands out, like its transfer
 * port, lead through the relay too when the peer is reached at 127.0.0.2).
 */
public final class WireRecorder implements AutoCloseable {
    private final ServerSocket server;
    private final int port;
    private final ByteArrayOutputStream recording = new ByteArrayOutputStream();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public WireRecorder(int port) throws IOException {
        this.port = port;
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.2", port));
        acceptor = new Thread(this::accept, "wire-recorder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (true) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket out = new Socket("127.0.0.1", port);
                open.add(in);
                open.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // refused
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try {
                // not closed here: closing a socket's stream closes the socket, and the other direction
                // may still carry the answer (a half-closed transfer connection); close() ends them all
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (recording) {
                        recording.write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                }
            } catch (IOException ended) {
                // connection over
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // closed
                }
            }
        }, "wire-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Everything relayed so far, both directions. */
    public byte[] recorded() {
        synchronized (recording) {
            return recording.toByteArray();
        }
    }

    /** Where {@code needle} first occurs in {@code hay}, or -1. */
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The HTTP Basic credential of an account, as it would appear in clear on the wire. */
    public static String basic(String user, String password) {
        return java.util.Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
