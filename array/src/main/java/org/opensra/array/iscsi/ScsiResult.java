package org.opensra.array.iscsi;

/** The outcome of one SCSI command: status, sense (CHECK CONDITION only) and data for the initiator. */
public record ScsiResult(int status, Sense sense, byte[] data) {
    public static final int GOOD = 0x00;
    public static final int CHECK_CONDITION = 0x02;
    public static final int RESERVATION_CONFLICT = 0x18;

    private static final byte[] NONE = new byte[0];

    public static ScsiResult good() {
        return new ScsiResult(GOOD, null, NONE);
    }

    public static ScsiResult good(byte[] data) {
        return new ScsiResult(GOOD, null, data);
    }

    /** Data truncated to the CDB's allocation length. */
    public static ScsiResult good(byte[] data, int allocationLength) {
        if (data.length <= allocationLength) {
            return new ScsiResult(GOOD, null, data);
        }
        byte[] cut = new byte[allocationLength];
        System.arraycopy(data, 0, cut, 0, allocationLength);
        return new ScsiResult(GOOD, null, cut);
    }

    public static ScsiResult check(Sense s) {
        return new ScsiResult(CHECK_CONDITION, s, NONE);
    }

    public static ScsiResult conflict() {
        return new ScsiResult(RESERVATION_CONFLICT, null, NONE);
    }
}
