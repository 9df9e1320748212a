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

    private final Path dir;
    private ArrayDaemon a;
    private ArrayDaemon b;
    private int portA;
    private int portB;

    public TwoArrays(Path dir) throws IOException {
        this.dir = dir;
        a = start("array-a", dir.resolve("a"), 0, PASS_A);
        b = start("array-b", dir.resolve("b"), 0, PASS_B);
        portA = a.address().getPort();
        portB = b.address().getPort();
        apiA().post("/api/v1/peers", Json.obj("id", "array-b", "address", addrB(), "username", USER, "password", PASS_B)).ok();
        apiB().post("/api/v1/peers", Json.obj("id", "array-a", "address", addrA(), "username", USER, "password", PASS_A)).ok();
    }

    static ArrayDaemon start(String id, Path data, int port, String password) throws IOException {
        return ArrayDaemon.start(new DaemonConfig(id, null, data, new InetSocketAddress("127.0.0.1", port), USER,
            password.toCharArray(), false, 0));
    }

    public String addrA() {
        return "127.0.0.1:" + portA;
    }

    public String addrB() {
        return "127.0.0.1:" + portB;
    }

    public TestApi apiA() {
        return new TestApi(addrA(), USER, PASS_A);
    }

    public TestApi apiB() {
        return new TestApi(addrB(), USER, PASS_B);
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
        b = start("array-b", dir.resolve("b"), portB, PASS_B);
    }

    public void stopA() {
        if (a != null) {
            a.close();
            a = null;
        }
    }

    public void startA() throws IOException {
        a = start("array-a", dir.resolve("a"), portA, PASS_A);
    }

    @Override
    public void close() {
        stopA();
        stopB();
    }
}
