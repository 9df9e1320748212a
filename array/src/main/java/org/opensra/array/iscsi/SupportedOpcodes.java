package org.opensra.array.iscsi;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The commands this target implements with their CDB usage data (SPC-4 6.35, REPORT SUPPORTED
 * OPERATION CODES). The table is the single list of what {@link ScsiCommandSet} executes.
 */
final class SupportedOpcodes {
    /** sa -1: the opcode has no service actions. */
    record Entry(int opcode, int sa, byte[] usage) {
    }

    static final List<Entry> ALL = List.of(
        e(0x00, -1, 0x00, 0, 0, 0, 0, 0x00),                                        // TEST UNIT READY
        e(0x03, -1, 0x03, 0x01, 0, 0, 0xff, 0x00),                                  // REQUEST SENSE
        e(0x12, -1, 0x12, 0x01, 0xff, 0xff, 0xff, 0x00),                            // INQUIRY
        e(0x16, -1, 0x16, 0, 0, 0, 0, 0x00),                                        // RESERVE(6)
        e(0x17, -1, 0x17, 0, 0, 0, 0, 0x00),                                        // RELEASE(6)
        e(0x1a, -1, 0x1a, 0x08, 0xff, 0xff, 0xff, 0x00),                            // MODE SENSE(6)
        e(0x25, -1, 0x25, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0x01, 0x00),             // READ CAPACITY(10)
        e(0x28, -1, 0x28, 0x18, 0xff, 0xff, 0xff, 0xff, 0, 0xff, 0xff, 0x00),       // READ(10)
        e(0x2a, -1, 0x2a, 0x18, 0xff, 0xff, 0xff, 0xff, 0, 0xff, 0xff, 0x00),       // WRITE(10)
        e(0x35, -1, 0x35, 0x02, 0xff, 0xff, 0xff, 0xff, 0, 0xff, 0xff, 0x00),       // SYNCHRONIZE CACHE(10)
        e(0x56, -1, 0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0x00),                            // RESERVE(10)
        e(0x57, -1, 0x57, 0, 0, 0, 0, 0, 0, 0, 0, 0x00),                            // RELEASE(10)
        e(0x5a, -1, 0x5a, 0x18, 0xff, 0xff, 0, 0, 0, 0xff, 0xff, 0x00),             // MODE SENSE(10)
        e(0x88, -1, 0x88, 0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0, 0x00),                                       // READ(16)
        e(0x8a, -1, 0x8a, 0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0, 0x00),                                       // WRITE(16)
        e(0x91, -1, 0x91, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0, 0x00),                                       // SYNCHRONIZE CACHE(16)
        e(0x9e, 0x10, 0x9e, 0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0, 0x00),                                       // READ CAPACITY(16)
        e(0xa0, -1, 0xa0, 0, 0xff, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0x00),       // REPORT LUNS
        e(0xa3, 0x0c, 0xa3, 0x0c, 0x87, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0, 0x00));                                                              // REPORT SUPPORTED OPERATION CODES

    private SupportedOpcodes() {
    }

    private static Entry e(int opcode, int sa, int... usage) {
        byte[] u = new byte[usage.length];
        for (int i = 0; i < usage.length; i++) {
            u[i] = (byte) usage[i];
        }
        return new Entry(opcode, sa, u);
    }

    static Entry find(int opcode, int sa) {
        for (Entry e : ALL) {
            if (e.opcode() == opcode && (e.sa() < 0 || e.sa() == sa)) {
                return e;
            }
        }
        return null;
    }

    static boolean hasServiceActions(int opcode) {
        for (Entry e : ALL) {
            if (e.opcode() == opcode) {
                return e.sa() >= 0;
            }
        }
        return false;
    }

    /** Parameter data for the CDB, or null when its fields are invalid. */
    static byte[] report(byte[] cdb) {
        boolean rctd = (cdb[2] & 0x80) != 0;
        int options = cdb[2] & 0x07;
        int opcode = cdb[3] & 0xff;
        int sa = ((cdb[4] & 0xff) << 8) | (cdb[5] & 0xff);
        if (options == 0) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Entry e : ALL) {
                byte[] d = new byte[rctd ? 20 : 8];
                d[0] = (byte) e.opcode();
                if (e.sa() >= 0) {
                    d[2] = (byte) (e.sa() >> 8);
                    d[3] = (byte) e.sa();
                }
                d[5] = (byte) ((rctd ? 0x02 : 0) | (e.sa() >= 0 ? 0x01 : 0));
                d[6] = (byte) (e.usage().length >> 8);
                d[7] = (byte) e.usage().length;
                if (rctd) {
                    timeouts(d, 8);
                }
                out.writeBytes(d);
            }
            byte[] body = out.toByteArray();
            byte[] b = new byte[4 + body.length];
            InquiryData.putInt(b, 0, body.length);
            System.arraycopy(body, 0, b, 4, body.length);
            return b;
        }
        if (options == 1 || options == 2) {
            Entry e;
            if (options == 1) {
                if (hasServiceActions(opcode)) {
                    return null; // needs reporting options 2
                }
                e = findExact(opcode, -1);
            } else {
                if (findExact(opcode, -1) != null) {
                    return null; // an opcode without service actions
                }
                e = findExact(opcode, sa);
            }
            int usageLen = e == null ? 0 : e.usage().length;
            byte[] b = new byte[4 + usageLen + (rctd && e != null ? 12 : 0)];
            b[1] = (byte) ((rctd && e != null ? 0x80 : 0) | (e == null ? 0x01 : 0x03));
            b[2] = (byte) (usageLen >> 8);
            b[3] = (byte) usageLen;
            if (e != null) {
                System.arraycopy(e.usage(), 0, b, 4, usageLen);
                if (rctd) {
                    timeouts(b, 4 + usageLen);
                }
            }
            return b;
        }
        return null;
    }

    private static Entry findExact(int opcode, int sa) {
        for (Entry e : ALL) {
            if (e.opcode() == opcode && e.sa() == sa) {
                return e;
            }
        }
        return null;
    }

    /** Command timeouts descriptor: length 0Ah, nominal and recommended timeouts of 0 (not specified). */
    private static void timeouts(byte[] b, int off) {
        b[off + 1] = 0x0a;
    }
}
