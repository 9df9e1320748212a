package org.opensra.array.iscsi;

/**
 * Fixed-format sense data (SPC-4 4.5.3): a sense key with additional sense code and qualifier, and for
 * an invalid CDB field optionally the byte it is in (sense-key specific field pointer; -1: none).
 */
public record Sense(int key, int asc, int ascq, int fieldPointer) {
    public Sense(int key, int asc, int ascq) {
        this(key, asc, ascq, -1);
    }

    /** INVALID FIELD IN CDB pointing at byte {@code cdbByte} of the CDB. */
    public static Sense invalidField(int cdbByte) {
        return new Sense(ILLEGAL_REQUEST, 0x24, 0x00, cdbByte);
    }

    public static final int NO_SENSE = 0x0;
    public static final int ILLEGAL_REQUEST = 0x5;
    public static final int UNIT_ATTENTION = 0x6;
    public static final int DATA_PROTECT = 0x7;
    public static final int MEDIUM_ERROR = 0x3;
    public static final int ABORTED_COMMAND = 0xb;

    public static final Sense INVALID_OPCODE = new Sense(ILLEGAL_REQUEST, 0x20, 0x00);
    public static final Sense INVALID_FIELD_IN_CDB = new Sense(ILLEGAL_REQUEST, 0x24, 0x00);
    public static final Sense LBA_OUT_OF_RANGE = new Sense(ILLEGAL_REQUEST, 0x21, 0x00);
    public static final Sense LUN_NOT_SUPPORTED = new Sense(ILLEGAL_REQUEST, 0x25, 0x00);
    public static final Sense SAVING_NOT_SUPPORTED = new Sense(ILLEGAL_REQUEST, 0x39, 0x00);
    public static final Sense INVALID_FIELD_IN_IU = new Sense(ILLEGAL_REQUEST, 0x0e, 0x03);
    public static final Sense WRITE_PROTECTED = new Sense(DATA_PROTECT, 0x27, 0x00);
    public static final Sense REPORTED_LUNS_CHANGED = new Sense(UNIT_ATTENTION, 0x3f, 0x0e);
    public static final Sense RESET_OCCURRED = new Sense(UNIT_ATTENTION, 0x29, 0x00);
    public static final Sense MEDIUM_READ_ERROR = new Sense(MEDIUM_ERROR, 0x11, 0x00);
    public static final Sense WRITE_ERROR = new Sense(MEDIUM_ERROR, 0x0c, 0x00);
    public static final Sense DATA_PHASE_ERROR = new Sense(ABORTED_COMMAND, 0x4b, 0x00);
    public static final Sense NONE = new Sense(NO_SENSE, 0, 0);

    /** The 18 bytes of fixed-format sense data. */
    public byte[] fixed() {
        byte[] b = new byte[18];
        b[0] = 0x70;
        b[2] = (byte) key;
        b[7] = 10;
        b[12] = (byte) asc;
        b[13] = (byte) ascq;
        if (fieldPointer >= 0) {
            b[15] = (byte) 0xc0; // SKSV, C/D: the field is in the CDB
            b[16] = (byte) (fieldPointer >> 8);
            b[17] = (byte) fieldPointer;
        }
        return b;
    }
}
