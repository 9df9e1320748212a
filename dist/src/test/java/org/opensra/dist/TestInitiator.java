package org.opensra.dist;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensra.array.iscsi.Pdu;
import org.opensra.array.iscsi.PduChannel;
import org.opensra.array.iscsi.TextKeys;

/**
 * A minimal iSCSI initiator for end-to-end tests (the array's conformance against a real initiator is
 * IscsiConformanceIT's job): one session, login straight to full feature phase, one command at a time,
 * READ/WRITE(10), REPORT LUNS, INQUIRY VPD 0x83.
 */
final class TestInitiator implements AutoCloseable {
    static final int BLOCK = 512;

    /** A refused login: status class and detail of the login response. */
    static final class Refused extends IOException {
        final int statusClass;

        Refused(int statusClass, int detail) {
            super("login refused: class " + statusClass + " detail " + detail);
            this.statusClass = statusClass;
        }
    }

    record Response(int status, byte[] data, int senseKey, int asc, int ascq) {
    }

    private final Socket socket;
    private final PduChannel ch;
    private int cmdSn = 1;
    private int expStatSn;
    private int itt = 1;

    private TestInitiator(Socket socket) throws IOException {
        this.socket = socket;
        this.ch = new PduChannel(socket.getInputStream(), socket.getOutputStream(), 1 << 20);
    }

    /** Logs in to the target at host:port as the initiator. */
    static TestInitiator login(String portal, String initiator, String target) throws IOException {
        int colon = portal.lastIndexOf(':');
        Socket s = new Socket();
        s.connect(new InetSocketAddress(portal.substring(0, colon), Integer.parseInt(portal.substring(colon + 1))), 10_000);
        s.setSoTimeout(60_000);
        TestInitiator t = new TestInitiator(s);
        try {
            t.doLogin(initiator, target);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return t;
    }

    private void doLogin(String initiator, String target) throws IOException {
        Pdu p = new Pdu();
        p.header()[0] = (byte) (0x40 | Pdu.LOGIN);
        p.flags(0x80 | (1 << 2) | 3); // transit from operational negotiation to full feature phase
        p.bytes(8, new byte[] {(byte) 0x80, 0x12, 0x34, 0x56, 0x78, (byte) (System.nanoTime() & 0x7f)});
        p.itt(0);
        p.int32(24, cmdSn);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("InitiatorName", initiator);
        keys.put("TargetName", target);
        keys.put("SessionType", "Normal");
        keys.put("HeaderDigest", "None");
        keys.put("DataDigest", "None");
        keys.put("MaxRecvDataSegmentLength", "262144");
        keys.put("InitialR2T", "Yes");
        keys.put("ImmediateData", "Yes");
        keys.put("FirstBurstLength", "65536");
        keys.put("MaxBurstLength", "262144");
        keys.put("ErrorRecoveryLevel", "0");
        p.data(TextKeys.encode(keys));
        ch.write(p);
        ch.flush();
        Pdu r = ch.read();
        if (r == null) {
            throw new IOException("connection closed during login");
        }
        if (r.byteAt(36) != 0) {
            throw new Refused(r.byteAt(36), r.byteAt(37));
        }
        if ((r.flags() & 0x83) != 0x83) {
            throw new IOException("login did not reach full feature phase: flags " + Integer.toHexString(r.flags()));
        }
        expStatSn = r.int32(24) + 1;
    }

    /** Runs one command; writes data as immediate data (at most 64 KiB here), collects Data-In. */
    Response command(int lun, byte[] cdb, int readLength, byte[] writeData) throws IOException {
        Pdu p = new Pdu();
        p.header()[0] = (byte) Pdu.SCSI_COMMAND;
        int tag = itt++;
        p.flags(0x80 | (readLength > 0 ? 0x40 : 0) | (writeData != null ? 0x20 : 0) | 1);
        p.lun(lun < 256 ? (long) lun << 48 : ((long) (0x40 | lun >> 8) << 56) | ((long) (lun & 0xff) << 48));
        p.itt(tag);
        p.int32(20, writeData != null ? writeData.length : readLength);
        p.int32(24, cmdSn++);
        p.int32(28, expStatSn);
        p.bytes(32, Arrays.copyOf(cdb, 16));
        if (writeData != null) {
            if (writeData.length > 65536) {
                throw new IllegalArgumentException("this test initiator writes at most 64 KiB per command");
            }
            p.data(writeData);
        }
        ch.write(p);
        ch.flush();
        byte[] in = new byte[readLength];
        int got = 0;
        while (true) {
            Pdu r = ch.read();
            if (r == null) {
                throw new IOException("connection closed");
            }
            if (r.opcode() == Pdu.DATA_IN && r.itt() == tag) {
                int off = r.int32(40);
                System.arraycopy(r.data(), 0, in, off, r.data().length);
                got = Math.max(got, off + r.data().length);
                if ((r.flags() & 0x01) != 0) {
                    expStatSn = r.int32(24) + 1;
                    return new Response(r.byteAt(3), Arrays.copyOf(in, got), 0, 0, 0);
                }
            } else if (r.opcode() == Pdu.SCSI_RESPONSE && r.itt() == tag) {
                expStatSn = r.int32(24) + 1;
                byte[] sense = r.data().length > 2 ? Arrays.copyOfRange(r.data(), 2, r.data().length) : new byte[0];
                return new Response(r.byteAt(3), Arrays.copyOf(in, got), sense.length > 13 ? sense[2] & 0x0f : 0,
                    sense.length > 13 ? sense[12] & 0xff : 0, sense.length > 13 ? sense[13] & 0xff : 0);
            } else if (r.opcode() == Pdu.REJECT) {
                throw new IOException("target rejected the command");
            }
        }
    }

    /** Runs the command again while it ends with a unit attention (a pending one is reported once). */
    Response commandPastUnitAttention(int lun, byte[] cdb, int readLength, byte[] writeData) throws IOException {
        Response r = command(lun, cdb, readLength, writeData);
        for (int i = 0; i < 5 && r.status() == 2 && r.senseKey() == 6; i++) {
            r = command(lun, cdb, readLength, writeData);
        }
        return r;
    }

    /** The LUNs REPORT LUNS lists. */
    List<Integer> reportLuns() throws IOException {
        Response r = commandPastUnitAttention(0, new byte[] {(byte) 0xa0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0}, 4096, null);
        check(r, "REPORT LUNS");
        int len = ((r.data()[0] & 0xff) << 24) | ((r.data()[1] & 0xff) << 16) | ((r.data()[2] & 0xff) << 8) | (r.data()[3] & 0xff);
        List<Integer> out = new ArrayList<>();
        for (int p = 8; p < 8 + len; p += 8) {
            int b0 = r.data()[p] & 0xff;
            int b1 = r.data()[p + 1] & 0xff;
            out.add(b0 == 0 ? b1 : ((b0 & 0x3f) << 8) | b1);
        }
        return out;
    }

    /** The NAA designator of VPD page 0x83 as lower-case hex, or null when there is none. */
    String naa(int lun) throws IOException {
        Response r = commandPastUnitAttention(lun, new byte[] {0x12, 0x01, (byte) 0x83, 0x01, 0x00, 0}, 256, null);
        check(r, "INQUIRY VPD 0x83");
        byte[] d = r.data();
        int end = Math.min(d.length, 4 + (((d[2] & 0xff) << 8) | (d[3] & 0xff)));
        for (int p = 4; p + 4 <= end; p += 4 + (d[p + 3] & 0xff)) {
            if ((d[p + 1] & 0x0f) == 3) {
                return HexFormat.of().formatHex(d, p + 4, p + 4 + (d[p + 3] & 0xff));
            }
        }
        return null;
    }

    /** The LUN whose NAA designator is this WWN (colons and case ignored), or -1. */
    int lunOf(String wwn) throws IOException {
        String want = wwn.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        for (int lun : reportLuns()) {
            if (want.equals(naa(lun))) {
                return lun;
            }
        }
        return -1;
    }

    byte[] read(int lun, long offset, int length) throws IOException {
        Response r = commandPastUnitAttention(lun, rw(0x28, offset, length), length, null);
        check(r, "READ(10)");
        return r.data();
    }

    Response write(int lun, long offset, byte[] data) throws IOException {
        return commandPastUnitAttention(lun, rw(0x2a, offset, data.length), 0, data);
    }

    private static byte[] rw(int op, long offset, int length) {
        if (offset % BLOCK != 0 || length % BLOCK != 0) {
            throw new IllegalArgumentException("whole blocks only");
        }
        long lba = offset / BLOCK;
        int blocks = length / BLOCK;
        return new byte[] {(byte) op, 0, (byte) (lba >> 24), (byte) (lba >> 16), (byte) (lba >> 8), (byte) lba, 0,
            (byte) (blocks >> 8), (byte) blocks, 0};
    }

    static void check(Response r, String what) {
        if (r.status() != 0) {
            throw new AssertionError(what + " failed: status " + r.status() + " sense " + r.senseKey() + "/"
                + Integer.toHexString(r.asc()) + "/" + Integer.toHexString(r.ascq()));
        }
    }

    /** SendTargets=All in a discovery session: the TargetName values. */
    static List<String> discover(String portal, String initiator) throws IOException {
        int colon = portal.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(portal.substring(0, colon), Integer.parseInt(portal.substring(colon + 1))), 10_000);
            s.setSoTimeout(60_000);
            PduChannel ch = new PduChannel(s.getInputStream(), s.getOutputStream(), 1 << 20);
            Pdu p = new Pdu();
            p.header()[0] = (byte) (0x40 | Pdu.LOGIN);
            p.flags(0x80 | (1 << 2) | 3);
            p.bytes(8, new byte[] {(byte) 0x80, 0, 0, 0, 0, 9});
            p.int32(24, 1);
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("InitiatorName", initiator);
            keys.put("SessionType", "Discovery");
            p.data(TextKeys.encode(keys));
            ch.write(p);
            ch.flush();
            Pdu r = ch.read();
            if (r.byteAt(36) != 0) {
                throw new Refused(r.byteAt(36), r.byteAt(37));
            }
            Pdu text = new Pdu();
            text.header()[0] = (byte) Pdu.TEXT;
            text.flags(0x80);
            text.itt(1);
            text.int32(20, Pdu.RESERVED_TAG);
            text.int32(24, 1);
            text.data("SendTargets=All\0".getBytes(StandardCharsets.UTF_8));
            ch.write(text);
            ch.flush();
            Pdu answer = ch.read();
            List<String> names = new ArrayList<>();
            for (String pair : new String(answer.data(), StandardCharsets.UTF_8).split("\0")) {
                if (pair.startsWith("TargetName=")) {
                    names.add(pair.substring("TargetName=".length()));
                }
            }
            return names;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
