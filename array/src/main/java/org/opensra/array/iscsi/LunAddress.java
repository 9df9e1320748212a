package org.opensra.array.iscsi;

/**
 * The 8-byte LUN field (SAM-5 4.7): peripheral device addressing for LUNs 0..255, flat space addressing
 * for 256..16383, as in REPORT LUNS data and the LUN field of iSCSI PDUs.
 */
public final class LunAddress {
    private LunAddress() {
    }

    public static byte[] encode(int lun) {
        byte[] b = new byte[8];
        if (lun < 256) {
            b[1] = (byte) lun;
        } else {
            b[0] = (byte) (0x40 | (lun >> 8));
            b[1] = (byte) lun;
        }
        return b;
    }

    public static long encodeLong(int lun) {
        byte[] b = encode(lun);
        return ((long) (b[0] & 0xff) << 56) | ((long) (b[1] & 0xff) << 48);
    }

    /** The LUN number of a LUN field; -1 for an addressing method or level we do not use. */
    public static int decode(long field) {
        int b0 = (int) (field >>> 56) & 0xff;
        int b1 = (int) (field >>> 48) & 0xff;
        if ((field & 0x0000ffffffffffffL) != 0) {
            return -1;
        }
        return switch (b0 >> 6) {
            case 0 -> b0 == 0 ? b1 : -1;
            case 1 -> ((b0 & 0x3f) << 8) | b1;
            default -> -1;
        };
    }
}
