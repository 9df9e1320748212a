package org.opensra.array.iscsi;

import java.nio.charset.StandardCharsets;

/** INQUIRY data: the standard page and the vital product data pages 0x00, 0x80, 0x83, 0xB0, 0xB1, 0xB2. */
final class InquiryData {
    static final int[] PAGES = {0x00, 0x80, 0x83, 0xb0, 0xb1, 0xb2};
    /** Largest READ/WRITE in blocks (VPD B0 MAXIMUM TRANSFER LENGTH): 4 MiB. */
    static final int MAX_TRANSFER_BLOCKS = 8192;
    private static final int OPTIMAL_TRANSFER_BLOCKS = 128;

    private InquiryData() {
    }

    /** Standard INQUIRY data; lu null: no logical unit at this LUN (peripheral qualifier 011b, type 1Fh). */
    static byte[] standard(LogicalUnit lu) {
        byte[] b = new byte[74];
        b[0] = (byte) (lu == null ? 0x7f : 0x00);
        b[2] = 0x06; // SPC-4
        b[3] = 0x12; // HiSup, response data format 2
        b[4] = (byte) (b.length - 5);
        b[7] = 0x02; // CmdQue
        ascii(b, 8, "OPENSRA", 8);
        ascii(b, 16, "EMBEDDED ARRAY", 16);
        ascii(b, 32, "0001", 4);
        int[] versions = {0x00c0 /* SAM-5 */, 0x0960 /* iSCSI */, 0x0460 /* SPC-4 */, 0x04c0 /* SBC-3 */};
        for (int i = 0; i < versions.length; i++) {
            b[58 + 2 * i] = (byte) (versions[i] >> 8);
            b[59 + 2 * i] = (byte) versions[i];
        }
        return b;
    }

    /** A VPD page, or null when the page is not one of ours. */
    static byte[] vpd(int page, LogicalUnit lu) {
        return switch (page) {
            case 0x00 -> supportedPages();
            case 0x80 -> serial(lu);
            case 0x83 -> identification(lu);
            case 0xb0 -> blockLimits();
            case 0xb1 -> characteristics();
            case 0xb2 -> provisioning();
            default -> null;
        };
    }

    private static byte[] header(int page, int length) {
        byte[] b = new byte[4 + length];
        b[1] = (byte) page;
        b[2] = (byte) (length >> 8);
        b[3] = (byte) length;
        return b;
    }

    private static byte[] supportedPages() {
        byte[] b = header(0x00, PAGES.length);
        for (int i = 0; i < PAGES.length; i++) {
            b[4 + i] = (byte) PAGES[i];
        }
        return b;
    }

    /** Unit serial number: the volume's WWN in hex, stable like the WWN itself. */
    private static byte[] serial(LogicalUnit lu) {
        String s = lu.wwn().replace(":", "");
        byte[] b = header(0x80, s.length());
        ascii(b, 4, s, s.length());
        return b;
    }

    /** Device identification: the NAA type 6 designator, then a T10 vendor id designator. */
    private static byte[] identification(LogicalUnit lu) {
        byte[] naa = lu.naa();
        byte[] t10 = ("OPENSRA " + lu.volumeId()).getBytes(StandardCharsets.US_ASCII);
        int t10Len = (t10.length + 3) & ~3;
        byte[] b = header(0x83, 4 + naa.length + 4 + t10Len);
        int p = 4;
        b[p] = 0x01;           // protocol 0, code set binary
        b[p + 1] = 0x03;       // PIV 0, association: logical unit, type NAA
        b[p + 3] = (byte) naa.length;
        System.arraycopy(naa, 0, b, p + 4, naa.length);
        p += 4 + naa.length;
        b[p] = 0x02;           // code set ASCII
        b[p + 1] = 0x01;       // association: logical unit, type T10 vendor id
        b[p + 3] = (byte) t10Len;
        System.arraycopy(t10, 0, b, p + 4, t10.length);
        for (int i = p + 4 + t10.length; i < p + 4 + t10Len; i++) {
            b[i] = ' ';
        }
        return b;
    }

    private static byte[] blockLimits() {
        byte[] b = header(0xb0, 0x3c);
        b[6] = 0;
        b[7] = 1; // optimal transfer length granularity: 1 block
        putInt(b, 8, MAX_TRANSFER_BLOCKS);
        putInt(b, 12, OPTIMAL_TRANSFER_BLOCKS);
        return b;
    }

    private static byte[] characteristics() {
        byte[] b = header(0xb1, 0x3c);
        b[5] = 1; // medium rotation rate: non-rotating
        return b;
    }

    /** Logical block provisioning: no UNMAP, no WRITE SAME unmapping (fully provisioned as seen). */
    private static byte[] provisioning() {
        return header(0xb2, 4);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) (v >>> 32));
        putInt(b, off + 4, (int) v);
    }

    private static void ascii(byte[] b, int off, String s, int width) {
        for (int i = 0; i < width; i++) {
            b[off + i] = (byte) (i < s.length() ? s.charAt(i) : ' ');
        }
    }
}
