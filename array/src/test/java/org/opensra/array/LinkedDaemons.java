package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sites A and B: two array daemons in their own JVMs (plain text), with peer accounts, linked as peers
 * both ways; for the SIGKILL tests. Always closed by the test.
 */
final class LinkedDaemons implements AutoCloseable {
    private final DaemonProcess a;
    private final DaemonProcess b;

    /** Starts both daemons (with extra JVM and serve options) and links them. */
    LinkedDaemons(Path dir, List<String> jvm, List<String> serve) throws Exception {
        a = new DaemonProcess("array-a", dir, TwoArrays.PASS_A).with(jvm, serve);
        b = new DaemonProcess("array-b", dir, TwoArrays.PASS_B).with(jvm, serve);
        a.start();
        b.start();
        a.awaitReady(api("A"));
        b.awaitReady(api("B"));
        api("A").post("/api/v1/users", Json.obj("name", TwoArrays.PEER, "role", "peer", "password", TwoArrays.PEER_PASS_A)).ok();
        api("B").post("/api/v1/users", Json.obj("name", TwoArrays.PEER, "role", "peer", "password", TwoArrays.PEER_PASS_B)).ok();
        api("A").post("/api/v1/peers", Json.obj("id", "array-b", "address", "http://" + b.address(), "username", TwoArrays.PEER,
            "password", TwoArrays.PEER_PASS_B)).ok();
        api("B").post("/api/v1/peers", Json.obj("id", "array-a", "address", "http://" + a.address(), "username", TwoArrays.PEER,
            "password", TwoArrays.PEER_PASS_A)).ok();
    }

    /** The admin API of site "A" or "B". */
    TestApi api(String side) {
        return "A".equals(side) ? new TestApi(a.address(), TwoArrays.USER, TwoArrays.PASS_A)
            : new TestApi(b.address(), TwoArrays.USER, TwoArrays.PASS_B);
    }

    /** SIGKILL of the site's daemon; it stays down until {@link #start}. */
    void kill(String side) throws InterruptedException {
        process(side).kill();
    }

    /** Starts the site's daemon again and waits until it answers. */
    void start(String side) throws Exception {
        process(side).start();
        process(side).awaitReady(api(side));
    }

    private DaemonProcess process(String side) {
        return "A".equals(side) ? a : b;
    }

    /** Re-issues an idempotent operation until it answers ok (the other site may still be restarting). */
    static JsonNode until(String what, Supplier<JsonNode> op, CharSequence log) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            JsonNode item;
            try {
                item = op.get();
            } catch (AssertionError e) {
                item = null;
            }
            if (item != null && item.path("ok").asBoolean()) {
                return item;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " never succeeded: " + item + "\n" + log);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * After a kill: the write that was in flight ({@code inDoubt} at {@code off}, null if none) is applied
     * whole or not at all in {@code now}; the model takes whichever it is, then must equal {@code now}.
     */
    static void settle(byte[] now, byte[] model, byte[] inDoubt, int off, CharSequence log) {
        if (inDoubt != null) {
            byte[] region = Arrays.copyOfRange(now, off, off + inDoubt.length);
            byte[] old = Arrays.copyOfRange(model, off, off + inDoubt.length);
            assertThat(Arrays.equals(region, inDoubt) || Arrays.equals(region, old))
                .as("a write in flight at the kill is applied whole or not at all\n" + log).isTrue();
            System.arraycopy(region, 0, model, off, region.length);
        }
        assertThat(Arrays.equals(now, model)).as("every acknowledged write survives the kill\n" + log).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        a.close();
        b.close();
    }
}
