package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.opensra.spi.tls.TlsRefusal;
import org.opensra.spi.tls.TlsTrust;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/** Calls to a peer array: HTTP/JSON, authenticated with the peer credential, and transfers over its transfer port. */
public final class PeerClient {
    /**
     * Each read or write on a transfer connection must make progress within this: the target answers
     * once every block is durable and applied, which may take a while for a large transfer.
     */
    static final Duration ANSWER_DEADLINE = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** One HTTPS client per trust (pinned fingerprint, or "" for the system trust store). */
    private static final Map<String, HttpClient> HTTPS = new ConcurrentHashMap<>();

    private final String peerId;
    private final String base;
    private final String authorization;
    /** Null for a plain {@code http://} peer (one started with --insecure). */
    private final SSLContext tls;
    private final HttpClient http;

    /**
     * A client of the peer at address: {@code host:port} or {@code https://host:port} is TLS, trusted by
     * the pinned fingerprint (null: the system trust store); only an explicit {@code http://} is plain.
     */
    public PeerClient(String peerId, String address, String username, char[] password, String fingerprint) {
        this.peerId = peerId;
        String a = address.startsWith("http://") || address.startsWith("https://") ? address : "https://" + address;
        this.base = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
            (username + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        if (base.startsWith("http://")) {
            this.tls = null;
            this.http = HTTP;
        } else {
            String key = fingerprint == null ? "" : TlsTrust.normalize(fingerprint);
            try {
                this.tls = key.isEmpty() ? TlsTrust.system().context() : TlsTrust.pinned(key).context();
            } catch (GeneralSecurityException e) {
                throw new ArrayException(ErrorCode.INTERNAL, "no TLS for peer " + peerId + ": " + e.getMessage(), peerId, e);
            }
            this.http = HTTPS.computeIfAbsent(key, k -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .sslContext(tls).build());
        }
    }

    public String peerId() {
        return peerId;
    }

    public JsonNode get(String path, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), timeout);
    }

    public JsonNode post(String path, Object body, Duration timeout) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(body);
            return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), timeout);
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot encode a request to peer " + peerId, peerId, e);
        }
    }

    public JsonNode post(String path, Object body) {
        return post(path, body, Duration.ofSeconds(60));
    }

    public boolean reachable() {
        try {
            get("/internal/v1/ping", Duration.ofSeconds(2));
            return true;
        } catch (ArrayException e) {
            return false;
        }
    }

    private JsonNode send(HttpRequest.Builder b, Duration timeout) {
        HttpRequest req = b.header("Authorization", authorization).timeout(timeout).build();
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        return decode(resp.statusCode(), resp.body());
    }

    private ArrayException unreachable(Exception e) {
        TlsRefusal refused = TlsRefusal.in(e);
        if (refused != null) {
            return new ArrayException(ErrorCode.PEER_UNREACHABLE, "peer array " + peerId + " at " + base
                + " refused: " + refused.getMessage() + "; if that certificate is the peer's, link it again with"
                + " --peer-fingerprint " + refused.fingerprint(), peerId, e);
        }
        return new ArrayException(ErrorCode.PEER_UNREACHABLE, "peer array " + peerId + " at " + base
            + " is unreachable (" + e.getClass().getSimpleName() + ")", peerId, e);
    }

    private JsonNode decode(int status, byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "peer " + peerId + " answered HTTP " + status + " with no JSON", peerId);
        }
        if (status / 100 == 2) {
            return node;
        }
        JsonNode err = node.path("error");
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(err.path("code").asText("INTERNAL"));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.INTERNAL;
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            // the peer refused OUR credential: for the caller this is a broken link, not its own login
            return throwPeer(ErrorCode.PEER_UNREACHABLE, "peer " + peerId + " refused this array's credentials", peerId);
        }
        return throwPeer(code, "peer " + peerId + ": " + err.path("message").asText("HTTP " + status),
            err.path("object").isNull() ? null : err.path("object").asText(null));
    }

    private static JsonNode throwPeer(ErrorCode code, String message, String object) {
        throw new ArrayException(code, message, object);
    }

    /**
     * Sends one transfer over the peer's transfer port ({@link TransferPort}): asks for a ticket over the
     * API, connects, writes the ticket and the header, then the blocks if the peer asks for them, and
     * returns the peer's JSON answer.
     */
    public JsonNode transfer(java.util.List<String> pairIds, ChannelWriter header, ChannelWriter blocks) {
        JsonNode t = post("/internal/v1/replication/transfer-ticket", Json.obj("pairs", pairIds), Duration.ofSeconds(15));
        byte[] ticket;
        try {
            ticket = HexFormat.of().parseHex(t.path("ticket").asText());
        } catch (IllegalArgumentException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "peer " + peerId + " sent a malformed transfer ticket", peerId);
        }
        InetSocketAddress port = new InetSocketAddress(URI.create(base).getHost(), t.path("port").asInt());
        Socket plain;
        try {
            plain = SocketChannel.open().socket(); // a channel's socket: plain transfers read into direct memory
        } catch (IOException e) {
            throw unreachable(e);
        }
        try {
            try {
                plain.connect(port, 3000);
            } catch (IOException e) {
                throw new ArrayException(ErrorCode.PEER_UNREACHABLE, "cannot connect to the transfer port "
                    + port.getHostString() + ":" + port.getPort() + " of peer array " + peerId + " ("
                    + e.getClass().getSimpleName() + "; a firewall must let it through, like the management port)", peerId, e);
            }
            Socket s = plain;
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, port.getHostString(), port.getPort(), true);
                ssl.setEnabledProtocols(TlsTrust.PROTOCOLS);
                ssl.setSoTimeout(15_000);
                ssl.startHandshake();
                ssl.setSoTimeout(0);
                s = ssl;
            }
            TransferPort.keepAlive(s);
            try (DeadlineChannel dc = DeadlineChannel.of(s, ANSWER_DEADLINE)) {
                TransferPort.writeAll(dc, ByteBuffer.wrap(ticket));
                header.write(dc);
                TransferPort.Frame f = TransferPort.Frame.read(dc);
                if (f.status() == TransferPort.SEND_BLOCKS) {
                    blocks.write(dc);
                    dc.shutdownOutput();
                    f = TransferPort.Frame.read(dc);
                }
                return decode(f.status(), f.body());
            }
        } catch (IOException e) {
            throw unreachable(e);
        } finally {
            try {
                plain.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    public interface ChannelWriter {
        void write(WritableByteChannel ch) throws IOException;
    }
}
