package org.opensra.array;

import org.opensra.array.daemon.ArrayDaemon;
import org.opensra.array.daemon.DaemonConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** Two in-process daemons (array-a, array-b) on free loopback ports, linked as peers. */
public final class TwoArrays implements AutoCloseable {
    public static final String USER = "admin";
    public static final String PASS_A = "pw-a-secret";
    public static final String PASS_B = "pw-b-secret";
    /** The peer accounts (role peer) each array's partner logs in with. */
    public static final String PEER = "peer";
    public static final String PEER_PASS_A = "peer-a-secret-1";
    public static final String PEER_PASS_B = "peer-b-secret-1";

    private final Path dir;
    private ArrayDaemon a;
    private ArrayDaemon b;
    private int portA;
    private int portB;
    private final boolean tls;

    /** Plain text (--insecure) daemons. */
    public TwoArrays(Path dir) throws IOException {
        this(dir, false);
    }

    /** With tls: every listener on TLS with the daemons' own certificates, each peer pinned by fingerprint. */
    public TwoArrays(Path dir, boolean tls) throws IOException {
        this.dir = dir;
        this.tls = tls;
        a = start("array-a", dir.resolve("a"), 0, PASS_A, tls);
        b = start("array-b", dir.resolve("b"), 0, PASS_B, tls);
        portA = a.address().getPort();
        portB = b.address().getPort();
        String scheme = tls ? "https://" : "http://";
        apiA().post("/api/v1/users", Json.obj("name", PEER, "role", "peer", "password", PEER_PASS_A)).ok();
        apiB().post("/api/v1/users", Json.obj("name", PEER, "role", "peer", "password", PEER_PASS_B)).ok();
        apiA().post("/api/v1/peers", Json.obj("id", "array-b", "address", scheme + addrB(), "username", PEER,
            "password", PEER_PASS_B, "fingerprint", b.tlsFingerprint())).ok();
        apiB().post("/api/v1/peers", Json.obj("id", "array-a", "address", scheme + addrA(), "username", PEER,
            "password", PEER_PASS_A, "fingerprint", a.tlsFingerprint())).ok();
    }

    static ArrayDaemon start(String id, Path data, int port, String password) throws IOException {
        return start(id, data, port, password, false);
    }

    static ArrayDaemon start(String id, Path data, int port, String password, boolean tls) throws IOException {
        return ArrayDaemon.start(new DaemonConfig(id, null, data, new InetSocketAddress("127.0.0.1", port), USER,
            password.toCharArray(), false, 0), tls ? org.opensra.array.daemon.TlsOptions.own() : null);
    }

    public String addrA() {
        return "127.0.0.1:" + portA;
    }

    public String addrB() {
        return "127.0.0.1:" + portB;
    }

    public TestApi apiA() {
        return tls ? new TestApi(addrA(), USER, PASS_A, a.tlsFingerprint()) : new TestApi(addrA(), USER, PASS_A);
    }

    public TestApi apiB() {
        return tls ? new TestApi(addrB(), USER, PASS_B, b.tlsFingerprint()) : new TestApi(addrB(), USER, PASS_B);
    }

    /** B's API as A's peer account sees it (the internal replication routes). */
    public TestApi peerApiB() {
        return tls ? new TestApi(addrB(), PEER, PEER_PASS_B, b.tlsFingerprint()) : new TestApi(addrB(), PEER, PEER_PASS_B);
    }

    public ArrayDaemon daemonA() {
        return a;
    }

    public ArrayDaemon daemonB() {
        return b;
    }

    public void stopB() {
        if (b != null) {
            b.close();
            b = null;
        }
    }

    public void startB() throws IOException {
        b = start("array-b", dir.resolve("b"), portB, PASS_B, tls);
    }

    public void stopA() {
        if (a != null) {
            a.close();
            a = null;
        }
    }

    public void startA() throws IOException {
        a = start("array-a", dir.resolve("a"), portA, PASS_A, tls);
    }

    @Override
    public void close() {
        stopA();
        stopB();
    }
}
