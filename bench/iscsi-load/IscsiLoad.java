import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The iSCSI load client of bench/iscsi (JDK only, run with `java IscsiLoad.java ...`): one session,
 * DEPTH commands in flight, READ(16)/WRITE(16) of BLOCK bytes, sequential or random (aligned to BLOCK)
 * over the first SPAN bytes, for SECONDS. Immediate data up to what the target accepts, the rest on R2T.
 * A write run ends with a SYNCHRONIZE CACHE(10), inside the time (environment SYNC_WRITES=0: without),
 * so a write figure is of data on the medium, whatever cache the target has.
 * Prints "ops: N" and "bytes: N" and "seconds: S".
 * Usage: IscsiLoad PORTAL TARGET LUN INITIATOR MODE(seq-read|seq-write|rand-read|rand-write) BLOCK SPAN SECONDS DEPTH [MAX_OPS]
 */
public final class IscsiLoad {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int cmdSn = 1;
    private int expStatSn;
    private int nextItt = 1;
    private int targetMaxRecv = 8192;
    private int firstBurst = 65536;
    private boolean immediateData = true;
    private final Map<Integer, byte[]> writes = new ConcurrentHashMap<>();
    private final Semaphore slots;
    private final AtomicLong done = new AtomicLong();
    private volatile String failure;

    private IscsiLoad(String portal, int depth) throws IOException {
        int c = portal.lastIndexOf(':');
        socket = new Socket();
        socket.connect(new InetSocketAddress(portal.substring(0, c), Integer.parseInt(portal.substring(c + 1))), 10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 20));
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 20);
        slots = new Semaphore(depth);
    }

    private static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static int get32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    private synchronized void send(byte[] bhs, byte[] data, int off, int len) throws IOException {
        bhs[5] = (byte) (len >>> 16);
        bhs[6] = (byte) (len >>> 8);
        bhs[7] = (byte) len;
        out.write(bhs);
        if (len > 0) {
            out.write(data, off, len);
            out.write(new byte[(4 - (len & 3)) & 3]);
        }
        out.flush();
    }

    private byte[][] receive() throws IOException {
        byte[] bhs = new byte[48];
        in.readFully(bhs);
        int ahs = (bhs[4] & 0xff) * 4;
        in.skipNBytes(ahs);
        int len = ((bhs[5] & 0xff) << 16) | ((bhs[6] & 0xff) << 8) | (bhs[7] & 0xff);
        byte[] data = new byte[len];
        in.readFully(data);
        in.skipNBytes((4 - (len & 3)) & 3);
        return new byte[][] {bhs, data};
    }

    private void login(String initiator, String target) throws IOException {
        byte[] bhs = new byte[48];
        bhs[0] = 0x43;
        bhs[1] = (byte) (0x80 | (1 << 2) | 3);
        bhs[8] = (byte) 0x80;
        bhs[13] = 7;
        put32(bhs, 24, cmdSn);
        String keys = "InitiatorName=" + initiator + "\0TargetName=" + target + "\0SessionType=Normal\0HeaderDigest=None\0"
            + "DataDigest=None\0MaxRecvDataSegmentLength=262144\0InitialR2T=Yes\0ImmediateData=Yes\0"
            + "FirstBurstLength=262144\0MaxBurstLength=1048576\0MaxOutstandingR2T=1\0ErrorRecoveryLevel=0\0";
        byte[] d = keys.getBytes(StandardCharsets.UTF_8);
        send(bhs, d, 0, d.length);
        byte[][] r = receive();
        if (r[0][36] != 0) {
            throw new IOException("login refused: " + r[0][36] + "/" + r[0][37]);
        }
        Map<String, String> got = new HashMap<>();
        for (String kv : new String(r[1], StandardCharsets.UTF_8).split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                got.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        if ((r[0][1] & 0x83) != 0x83) {
            throw new IOException("login did not complete in one step: " + got);
        }
        targetMaxRecv = Integer.parseInt(got.getOrDefault("MaxRecvDataSegmentLength", "8192"));
        firstBurst = Integer.parseInt(got.getOrDefault("FirstBurstLength", "65536"));
        immediateData = !"No".equals(got.get("ImmediateData"));
        expStatSn = get32(r[0], 24) + 1;
    }

    /** TEST UNIT READY until GOOD (a fresh session may first get a unit attention). */
    private void ready(int lun) throws IOException {
        for (int i = 0; i < 5; i++) {
            byte[] bhs = new byte[48];
            bhs[0] = 0x01;
            bhs[1] = (byte) 0x81;
            bhs[9] = (byte) lun;
            int itt = nextItt++;
            put32(bhs, 16, itt);
            put32(bhs, 24, cmdSn++);
            put32(bhs, 28, expStatSn);
            send(bhs, new byte[0], 0, 0);
            byte[][] r;
            do {
                r = receive();
            } while ((r[0][0] & 0x3f) != 0x21);
            expStatSn = get32(r[0], 24) + 1;
            if (r[0][3] == 0) {
                return;
            }
        }
        throw new IOException("the LUN does not become ready");
    }

    /** SYNCHRONIZE CACHE(10) of the whole LUN; waits for its status. The caller holds every slot. */
    private void synchronize(int lun) throws IOException, InterruptedException {
        byte[] bhs = new byte[48];
        synchronized (this) {
            bhs[0] = 0x01;
            bhs[1] = (byte) 0x81; // final, SIMPLE, no data
            bhs[9] = (byte) lun;
            put32(bhs, 16, nextItt++);
            put32(bhs, 24, cmdSn++);
            put32(bhs, 28, expStatSn);
        }
        bhs[32] = 0x35;
        send(bhs, new byte[0], 0, 0);
        slots.acquire(); // released by its response
    }

    private void command(int lun, boolean write, long lba, int blocks, byte[] buffer) throws IOException {
        byte[] bhs = new byte[48];
        int itt;
        synchronized (this) {
            itt = nextItt++;
            bhs[0] = 0x01;
            bhs[1] = (byte) (0x80 | (write ? 0x20 : 0x40) | 1);
            bhs[9] = (byte) lun;
            put32(bhs, 16, itt);
            put32(bhs, 20, (long) blocks * 512);
            put32(bhs, 24, cmdSn++);
            put32(bhs, 28, expStatSn);
        }
        bhs[32] = (byte) (write ? 0x8a : 0x88);
        put32(bhs, 34, lba >>> 32);
        put32(bhs, 38, lba);
        put32(bhs, 42, blocks);
        int immediate = write && immediateData ? Math.min(buffer.length, Math.min(firstBurst, targetMaxRecv)) : 0;
        if (write) {
            writes.put(itt, buffer);
        }
        send(bhs, buffer, 0, immediate);
    }

    private void dataOut(byte[] r2t) throws IOException {
        int itt = get32(r2t, 16);
        byte[] buffer = writes.get(itt);
        int offset = get32(r2t, 40);
        int length = get32(r2t, 44);
        int dataSn = 0;
        for (int sent = 0; sent < length; ) {
            int n = Math.min(targetMaxRecv, length - sent);
            byte[] bhs = new byte[48];
            bhs[0] = 0x05;
            bhs[1] = (byte) (sent + n == length ? 0x80 : 0);
            System.arraycopy(r2t, 8, bhs, 8, 8);
            put32(bhs, 16, itt);
            System.arraycopy(r2t, 20, bhs, 20, 4);
            put32(bhs, 28, expStatSn);
            put32(bhs, 36, dataSn++);
            put32(bhs, 40, offset + sent);
            send(bhs, buffer, offset + sent, n);
            sent += n;
        }
    }

    private void readLoop() {
        try {
            while (true) {
                byte[][] r = receive();
                int op = r[0][0] & 0x3f;
                if (op == 0x31) {
                    dataOut(r[0]);
                } else if (op == 0x21 || (op == 0x25 && (r[0][1] & 0x01) != 0)) {
                    if (r[0][3] != 0) {
                        failure = "command failed with status " + r[0][3];
                    }
                    writes.remove(get32(r[0], 16));
                    expStatSn = get32(r[0], 24) + 1;
                    done.incrementAndGet();
                    slots.release();
                } else if (op == 0x3f) {
                    failure = "target rejected a PDU";
                }
            }
        } catch (IOException e) {
            if (failure == null && !socket.isClosed()) {
                failure = "connection: " + e.getMessage();
            }
            slots.release(1000);
        }
    }

    public static void main(String[] a) throws Exception {
        String portal = a[0];
        String target = a[1];
        int lun = Integer.parseInt(a[2]);
        String initiator = a[3];
        String mode = a[4];
        int block = Integer.parseInt(a[5]);
        long span = Long.parseLong(a[6]);
        double seconds = Double.parseDouble(a[7]);
        int depth = Integer.parseInt(a[8]);
        long maxOps = a.length > 9 ? Long.parseLong(a[9]) : Long.MAX_VALUE;
        boolean write = mode.endsWith("write");
        boolean random = mode.startsWith("rand");
        IscsiLoad l = new IscsiLoad(portal, depth);
        l.login(initiator, target);
        l.ready(lun);
        Thread reader = new Thread(l::readLoop, "reader");
        reader.setDaemon(true);
        reader.start();
        byte[] buffer = new byte[block];
        new Random(1).nextBytes(buffer);
        Random rnd = new Random(2);
        long slotsInSpan = span / block;
        long next = 0;
        long issued = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end && l.failure == null && issued < maxOps) {
            l.slots.acquire();
            long slot = random ? (long) (rnd.nextDouble() * slotsInSpan) : next++ % slotsInSpan;
            l.command(lun, write, slot * block / 512, block / 512, buffer);
            issued++;
        }
        l.slots.acquire(depth); // drain
        boolean sync = write && l.failure == null && !"0".equals(System.getenv("SYNC_WRITES"));
        if (sync) {
            l.synchronize(lun);
        }
        double took = (System.nanoTime() - start) / 1e9;
        l.socket.close();
        if (l.failure != null) {
            System.err.println("IscsiLoad: " + l.failure);
            System.exit(1);
        }
        long ops = l.done.get() - (sync ? 1 : 0);
        System.out.println("ops: " + ops);
        System.out.println("bytes: " + ops * block);
        System.out.printf("seconds: %.3f%n", took);
    }
}
