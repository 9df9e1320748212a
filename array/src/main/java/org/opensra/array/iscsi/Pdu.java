package org.opensra.array.iscsi;

/**
 * One iSCSI PDU (RFC 7143 section 11): the 48-byte basic header segment and its data segment. Fields
 * are read and written at their RFC offsets, big-endian.
 */
public final class Pdu {
    public static final int BHS = 48;

    // initiator opcodes
    public static final int NOP_OUT = 0x00;
    public static final int SCSI_COMMAND = 0x01;
    public static final int TASK_MGMT = 0x02;
    public static final int LOGIN = 0x03;
    public static final int TEXT = 0x04;
    public static final int DATA_OUT = 0x05;
    public static final int LOGOUT = 0x06;
    public static final int SNACK = 0x10;
    // target opcodes
    public static final int NOP_IN = 0x20;
    public static final int SCSI_RESPONSE = 0x21;
    public static final int TASK_MGMT_RESPONSE = 0x22;
    public static final int LOGIN_RESPONSE = 0x23;
    public static final int TEXT_RESPONSE = 0x24;
    public static final int DATA_IN = 0x25;
    public static final int LOGOUT_RESPONSE = 0x26;
    public static final int R2T = 0x31;
    public static final int ASYNC = 0x32;
    public static final int REJECT = 0x3f;

    public static final int RESERVED_TAG = 0xffffffff;

    final byte[] bhs;
    byte[] data;

    public Pdu() {
        this(new byte[BHS], new byte[0]);
    }

    public Pdu(byte[] bhs, byte[] data) {
        this.bhs = bhs;
        this.data = data;
    }

    /** A target PDU with this opcode and the final bit set. */
    public static Pdu of(int opcode) {
        Pdu p = new Pdu();
        p.bhs[0] = (byte) opcode;
        p.bhs[1] = (byte) 0x80;
        return p;
    }

    public int opcode() {
        return bhs[0] & 0x3f;
    }

    public boolean immediate() {
        return (bhs[0] & 0x40) != 0;
    }

    public int flags() {
        return bhs[1] & 0xff;
    }

    public void flags(int f) {
        bhs[1] = (byte) f;
    }

    public int byteAt(int off) {
        return bhs[off] & 0xff;
    }

    public void byteAt(int off, int v) {
        bhs[off] = (byte) v;
    }

    public int totalAhsLength() {
        return (bhs[4] & 0xff) * 4;
    }

    public int dataSegmentLength() {
        return ((bhs[5] & 0xff) << 16) | ((bhs[6] & 0xff) << 8) | (bhs[7] & 0xff);
    }

    public long lun() {
        return long64(8);
    }

    public void lun(long v) {
        long64(8, v);
    }

    public int itt() {
        return int32(16);
    }

    public void itt(int v) {
        int32(16, v);
    }

    public int int32(int off) {
        return ((bhs[off] & 0xff) << 24) | ((bhs[off + 1] & 0xff) << 16) | ((bhs[off + 2] & 0xff) << 8) | (bhs[off + 3] & 0xff);
    }

    public void int32(int off, int v) {
        bhs[off] = (byte) (v >>> 24);
        bhs[off + 1] = (byte) (v >>> 16);
        bhs[off + 2] = (byte) (v >>> 8);
        bhs[off + 3] = (byte) v;
    }

    public int int16(int off) {
        return ((bhs[off] & 0xff) << 8) | (bhs[off + 1] & 0xff);
    }

    public void int16(int off, int v) {
        bhs[off] = (byte) (v >>> 8);
        bhs[off + 1] = (byte) v;
    }

    public long long64(int off) {
        return ((long) int32(off) << 32) | (int32(off + 4) & 0xffffffffL);
    }

    public void long64(int off, long v) {
        int32(off, (int) (v >>> 32));
        int32(off + 4, (int) v);
    }

    /** Bytes [off, off+len) of the header (e.g. the CDB at 32..47, the ISID at 8..13). */
    public byte[] bytes(int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(bhs, off, out, 0, len);
        return out;
    }

    public void bytes(int off, byte[] src) {
        System.arraycopy(src, 0, bhs, off, src.length);
    }

    public byte[] header() {
        return bhs;
    }

    public byte[] data() {
        return data;
    }

    /** Sets the data segment and its length field. */
    public void data(byte[] d) {
        data = d;
        bhs[5] = (byte) (d.length >>> 16);
        bhs[6] = (byte) (d.length >>> 8);
        bhs[7] = (byte) d.length;
    }

    void dataLengthField(int len) {
        bhs[5] = (byte) (len >>> 16);
        bhs[6] = (byte) (len >>> 8);
        bhs[7] = (byte) len;
    }
}
