package org.opensra.array.iscsi;

import java.io.ByteArrayOutputStream;

/**
 * MODE SENSE (6) and (10) data: read-write error recovery (01h), caching (08h: WCE=0 by default, every
 * acknowledged write is durable; WCE=1 when the daemon runs with --iscsi-write-cache, a write is then
 * durable once a SYNCHRONIZE CACHE after it or its FUA bit completed, see {@code core.PendingWrites}) and
 * control (0Ah) pages; 3Fh returns them all. Nothing is changeable
 * (MODE SELECT is not offered).
 */
final class ModePages {
    private ModePages() {
    }

    /** The pages for a page code, or null when not supported. */
    static byte[] pages(int pageCode, int subpage, boolean changeable, boolean writeCache) {
        if (subpage != 0 && !(pageCode == 0x3f && subpage == 0xff)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (pageCode) {
            case 0x01 -> out.writeBytes(page(0x01, 10, changeable));
            case 0x08 -> out.writeBytes(page(0x08, 18, changeable, writeCache));
            case 0x0a -> out.writeBytes(page(0x0a, 10, changeable));
            case 0x3f -> {
                out.writeBytes(page(0x01, 10, changeable));
                out.writeBytes(page(0x08, 18, changeable, writeCache));
                out.writeBytes(page(0x0a, 10, changeable));
            }
            default -> {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static byte[] page(int code, int length, boolean changeable) {
        return page(code, length, changeable, false);
    }

    private static byte[] page(int code, int length, boolean changeable, boolean writeCache) {
        byte[] p = new byte[2 + length];
        p[0] = (byte) code;
        p[1] = (byte) length;
        if (changeable) {
            return p;
        }
        if (code == 0x08) {
            p[2] = (byte) (writeCache ? 0x04 : 0); // WCE: writes are acknowledged from a volatile write cache
            p[12] = (byte) 0xff; // number of cache segments: not meaningful, as most targets report
        }
        return p;
    }

    /** Device-specific parameter: WP when the volume refuses writes, DPOFUA (DPO and FUA accepted). */
    static int deviceSpecific(LogicalUnit lu) {
        return (lu.writable() ? 0 : 0x80) | 0x10;
    }

    static byte[] sense6(LogicalUnit lu, boolean dbd, byte[] pages) {
        int bdLen = dbd ? 0 : 8;
        byte[] b = new byte[4 + bdLen + pages.length];
        b[0] = (byte) (b.length - 1);
        b[2] = (byte) deviceSpecific(lu);
        b[3] = (byte) bdLen;
        if (!dbd) {
            long blocks = lu.blocks();
            InquiryData.putInt(b, 4, blocks > 0xffffffffL ? -1 : (int) blocks);
            InquiryData.putInt(b, 8, LogicalUnit.BLOCK_SIZE);
        }
        System.arraycopy(pages, 0, b, 4 + bdLen, pages.length);
        return b;
    }

    static byte[] sense10(LogicalUnit lu, boolean dbd, boolean llbaa, byte[] pages) {
        int bdLen = dbd ? 0 : llbaa ? 16 : 8;
        byte[] b = new byte[8 + bdLen + pages.length];
        int len = b.length - 2;
        b[0] = (byte) (len >> 8);
        b[1] = (byte) len;
        b[3] = (byte) deviceSpecific(lu);
        b[4] = (byte) (llbaa && !dbd ? 1 : 0);
        b[7] = (byte) bdLen;
        long blocks = lu.blocks();
        if (bdLen == 8) {
            InquiryData.putInt(b, 8, blocks > 0xffffffffL ? -1 : (int) blocks);
            InquiryData.putInt(b, 12, LogicalUnit.BLOCK_SIZE);
        } else if (bdLen == 16) {
            InquiryData.putLong(b, 8, blocks);
            InquiryData.putInt(b, 20, LogicalUnit.BLOCK_SIZE);
        }
        System.arraycopy(pages, 0, b, 8 + bdLen, pages.length);
        return b;
    }
}
