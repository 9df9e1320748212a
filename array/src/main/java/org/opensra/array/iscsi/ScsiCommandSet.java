package org.opensra.array.iscsi;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.core.VolumeService;

import java.io.IOException;
import java.io.OutputStream;
import java.util.TreeMap;

/**
 * The SCSI commands of a block device as ESXi uses it without ATS (see {@link SupportedOpcodes});
 * every other opcode is ILLEGAL REQUEST / INVALID COMMAND OPERATION CODE. Reads and writes go to
 * the array's volume. By default every WRITE is durable before its status (WCE=0: ESXi does not send
 * SYNCHRONIZE CACHE to a datastore's LUN). With the write cache on, the logical units report a volatile
 * write cache (WCE=1, {@link ModePages}): a WRITE is acknowledged once queued in the volume service ({@link VolumeService#queueWrite}, visible to
 * reads, snapshots and syncs at once), a WRITE with FUA and SYNCHRONIZE CACHE only once every queued
 * write is stored durably ({@link VolumeService#storePending}); see {@code core.PendingWrites}.
 */
public final class ScsiCommandSet {
    private final VolumeService vols;
    private final Reservations reservations;
    private final boolean writeCache;

    /** Without a write cache: every WRITE is durable before its status (WCE=0). */
    public ScsiCommandSet(VolumeService vols, Reservations reservations) {
        this(vols, reservations, false);
    }

    /**
     * writeCache: the logical units report a volatile write cache (WCE=1) and a WRITE without FUA is
     * acknowledged once queued; off, every WRITE is stored durably before its status.
     */
    public ScsiCommandSet(VolumeService vols, Reservations reservations, boolean writeCache) {
        this.vols = vols;
        this.reservations = reservations;
        this.writeCache = writeCache;
    }

    /** Bytes of data the command takes from the initiator (SPDTL of a write); 0 for any other command. */
    public static long dataOutLength(byte[] cdb) {
        return switch (cdb[0] & 0xff) {
            case 0x2a -> (long) u16(cdb, 7) * LogicalUnit.BLOCK_SIZE;
            case 0x8a -> (u32(cdb, 10) & 0xffffffffL) * LogicalUnit.BLOCK_SIZE;
            default -> 0;
        };
    }

    /** A copy of a WRITE CDB with another transfer length (blocks). */
    public static byte[] withBlocks(byte[] cdb, long blocks) {
        byte[] c = cdb.clone();
        if ((c[0] & 0xff) == 0x2a) {
            c[7] = (byte) (blocks >> 8);
            c[8] = (byte) blocks;
        } else {
            InquiryData.putInt(c, 10, (int) blocks);
        }
        return c;
    }

    /** Whether the opcode writes data (WRITE 10/16). */
    public static boolean isWrite(byte[] cdb) {
        int op = cdb[0] & 0xff;
        return op == 0x2a || op == 0x8a;
    }

    public ScsiResult execute(Nexus nexus, int lun, TreeMap<Integer, LogicalUnit> luns, byte[] cdb, byte[] dataOut) {
        int op = cdb[0] & 0xff;
        LogicalUnit lu = luns.get(lun);
        if (op == 0xa0) {
            return reportLuns(nexus, luns, cdb);
        }
        if (lu == null) {
            return switch (op) {
                case 0x12 -> inquiry(null, cdb);
                case 0x03 -> requestSense(cdb, Sense.LUN_NOT_SUPPORTED);
                default -> ScsiResult.check(Sense.LUN_NOT_SUPPORTED);
            };
        }
        if (op == 0x12) {
            return inquiry(lu, cdb);
        }
        if (op == 0x03) {
            Sense ua = nexus.takeUnitAttention();
            return requestSense(cdb, ua == null ? Sense.NONE : ua);
        }
        if (reservations.conflicts(lu.volumeId(), nexus) && !allowedUnderConflict(op, cdb)) {
            return ScsiResult.conflict();
        }
        Sense ua = nexus.takeUnitAttention();
        if (ua != null) {
            return ScsiResult.check(ua);
        }
        return switch (op) {
            case 0x00 -> ScsiResult.good();
            case 0x16, 0x56 -> reserve(nexus, lu, cdb);
            case 0x17, 0x57 -> release(nexus, lu, cdb);
            case 0x1a, 0x5a -> modeSense(lu, cdb);
            case 0x25 -> readCapacity10(lu, cdb);
            case 0x9e -> (cdb[1] & 0x1f) == 0x10 ? readCapacity16(lu, cdb) : ScsiResult.check(Sense.INVALID_OPCODE);
            case 0x28 -> read(lu, cdb[1], u32(cdb, 2) & 0xffffffffL, u16(cdb, 7));
            case 0x88 -> read(lu, cdb[1], u64(cdb, 2), u32(cdb, 10) & 0xffffffffL);
            case 0x2a -> write(lu, cdb[1], u32(cdb, 2) & 0xffffffffL, u16(cdb, 7), dataOut);
            case 0x8a -> write(lu, cdb[1], u64(cdb, 2), u32(cdb, 10) & 0xffffffffL, dataOut);
            case 0x35 -> synchronize(lu, u32(cdb, 2) & 0xffffffffL, u16(cdb, 7));
            case 0x91 -> synchronize(lu, u64(cdb, 2), u32(cdb, 10) & 0xffffffffL);
            case 0xa3 -> (cdb[1] & 0x1f) == 0x0c ? reportOpcodes(cdb) : ScsiResult.check(Sense.INVALID_OPCODE);
            default -> ScsiResult.check(Sense.INVALID_OPCODE);
        };
    }

    /** Under another nexus's SCSI-2 reservation only these run (SPC-2 5.5.1). */
    private static boolean allowedUnderConflict(int op, byte[] cdb) {
        return op == 0x12 || op == 0x03 || op == 0xa0 || op == 0x17 || op == 0x57
            || (op == 0xa3 && (cdb[1] & 0x1f) == 0x0c);
    }

    // ---------------------------------------------------------------- inquiry, sense, luns

    private static ScsiResult inquiry(LogicalUnit lu, byte[] cdb) {
        boolean evpd = (cdb[1] & 0x01) != 0;
        int page = cdb[2] & 0xff;
        int alloc = u16(cdb, 3);
        if ((cdb[1] & 0x02) != 0 || (!evpd && page != 0)) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB);
        }
        if (!evpd) {
            return ScsiResult.good(InquiryData.standard(lu), alloc);
        }
        if (lu == null) {
            return ScsiResult.check(Sense.LUN_NOT_SUPPORTED);
        }
        byte[] data = InquiryData.vpd(page, lu);
        return data == null ? ScsiResult.check(Sense.INVALID_FIELD_IN_CDB) : ScsiResult.good(data, alloc);
    }

    private static ScsiResult requestSense(byte[] cdb, Sense s) {
        if ((cdb[1] & 0x01) != 0) {
            // descriptor format
            byte[] d = new byte[8];
            d[0] = 0x72;
            d[1] = (byte) s.key();
            d[2] = (byte) s.asc();
            d[3] = (byte) s.ascq();
            return ScsiResult.good(d, cdb[4] & 0xff);
        }
        return ScsiResult.good(s.fixed(), cdb[4] & 0xff);
    }

    private static ScsiResult reportLuns(Nexus nexus, TreeMap<Integer, LogicalUnit> luns, byte[] cdb) {
        int select = cdb[2] & 0xff;
        long alloc = u32(cdb, 6) & 0xffffffffL;
        if (select > 2 || alloc < 4) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB);
        }
        nexus.clearLunsChanged();
        byte[] b = new byte[8 + 8 * luns.size()];
        InquiryData.putInt(b, 0, 8 * luns.size());
        int p = 8;
        for (int lun : luns.keySet()) {
            byte[] e = LunAddress.encode(lun);
            System.arraycopy(e, 0, b, p, 8);
            p += 8;
        }
        return ScsiResult.good(b, (int) Math.min(alloc, Integer.MAX_VALUE));
    }

    private static ScsiResult reportOpcodes(byte[] cdb) {
        byte[] data = SupportedOpcodes.report(cdb);
        long alloc = u32(cdb, 6) & 0xffffffffL;
        return data == null ? ScsiResult.check(Sense.invalidField(2))
            : ScsiResult.good(data, (int) Math.min(alloc, Integer.MAX_VALUE));
    }

    // ---------------------------------------------------------------- reservations

    private ScsiResult reserve(Nexus nexus, LogicalUnit lu, byte[] cdb) {
        if ((cdb[0] & 0xff) == 0x16 ? (cdb[1] & 0x1f) != 0 : (cdb[1] & 0x12) != 0) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB); // third-party or extent reservations
        }
        return reservations.reserve(lu.volumeId(), nexus) ? ScsiResult.good() : ScsiResult.conflict();
    }

    private ScsiResult release(Nexus nexus, LogicalUnit lu, byte[] cdb) {
        if ((cdb[0] & 0xff) == 0x17 ? (cdb[1] & 0x1f) != 0 : (cdb[1] & 0x12) != 0) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB);
        }
        reservations.release(lu.volumeId(), nexus);
        return ScsiResult.good();
    }

    // ---------------------------------------------------------------- capacity and mode pages

    private static ScsiResult readCapacity10(LogicalUnit lu, byte[] cdb) {
        boolean pmi = (cdb[8] & 0x01) != 0;
        if (!pmi && u32(cdb, 2) != 0) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB);
        }
        byte[] b = new byte[8];
        long last = lu.blocks() - 1;
        InquiryData.putInt(b, 0, last > 0xffffffffL ? -1 : (int) last);
        InquiryData.putInt(b, 4, LogicalUnit.BLOCK_SIZE);
        return ScsiResult.good(b);
    }

    private static ScsiResult readCapacity16(LogicalUnit lu, byte[] cdb) {
        byte[] b = new byte[32];
        InquiryData.putLong(b, 0, lu.blocks() - 1);
        InquiryData.putInt(b, 8, LogicalUnit.BLOCK_SIZE);
        return ScsiResult.good(b, u32(cdb, 10) & 0x7fffffff);
    }

    private ScsiResult modeSense(LogicalUnit lu, byte[] cdb) {
        boolean six = (cdb[0] & 0xff) == 0x1a;
        int pc = (cdb[2] & 0xc0) >> 6;
        int page = cdb[2] & 0x3f;
        int subpage = cdb[3] & 0xff;
        boolean dbd = (cdb[1] & 0x08) != 0;
        if (pc == 3) {
            return ScsiResult.check(Sense.SAVING_NOT_SUPPORTED);
        }
        byte[] pages = ModePages.pages(page, subpage, pc == 1, writeCache);
        if (pages == null) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB);
        }
        if (six) {
            return ScsiResult.good(ModePages.sense6(lu, dbd, pages), cdb[4] & 0xff);
        }
        return ScsiResult.good(ModePages.sense10(lu, dbd, (cdb[1] & 0x10) != 0, pages), u16(cdb, 7));
    }

    // ---------------------------------------------------------------- data

    private static Sense checkRange(LogicalUnit lu, long lba, long blocks) {
        if (lba < 0 || lba > lu.blocks() || blocks > lu.blocks() - lba) {
            return Sense.LBA_OUT_OF_RANGE;
        }
        if (blocks > InquiryData.MAX_TRANSFER_BLOCKS) {
            return Sense.INVALID_FIELD_IN_CDB;
        }
        return null;
    }

    private ScsiResult read(LogicalUnit lu, byte flags, long lba, long blocks) {
        if ((flags & 0xe0) != 0) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB); // RDPROTECT: no protection information
        }
        Sense bad = checkRange(lu, lba, blocks);
        if (bad != null) {
            return ScsiResult.check(bad);
        }
        byte[] buf = new byte[(int) blocks * LogicalUnit.BLOCK_SIZE];
        if (blocks == 0) {
            return ScsiResult.good(buf);
        }
        try {
            vols.read(lu.volumeId(), lba * LogicalUnit.BLOCK_SIZE, buf.length, new ArrayOut(buf));
        } catch (IOException | RuntimeException e) {
            return ScsiResult.check(Sense.MEDIUM_READ_ERROR);
        }
        return ScsiResult.good(buf);
    }

    private ScsiResult write(LogicalUnit lu, byte flags, long lba, long blocks, byte[] data) {
        if ((flags & 0xe0) != 0) {
            return ScsiResult.check(Sense.INVALID_FIELD_IN_CDB); // WRPROTECT
        }
        if (!lu.writable()) {
            return ScsiResult.check(Sense.WRITE_PROTECTED);
        }
        Sense bad = checkRange(lu, lba, blocks);
        if (bad != null) {
            return ScsiResult.check(bad);
        }
        if (blocks == 0) {
            return ScsiResult.good();
        }
        try {
            vols.queueWrite(lu.volumeId(), lba * LogicalUnit.BLOCK_SIZE, data, (int) blocks * LogicalUnit.BLOCK_SIZE);
            if ((flags & 0x08) != 0 || !writeCache) {
                vols.storePending(); // FUA, or no write cache: on the medium before the status
            }
        } catch (ArrayException e) {
            return ScsiResult.check(e.code() == ErrorCode.WRONG_STATE ? Sense.WRITE_PROTECTED : Sense.WRITE_ERROR);
        } catch (RuntimeException e) {
            return ScsiResult.check(Sense.WRITE_ERROR);
        }
        return ScsiResult.good();
    }

    /** Stores every queued write (of every volume: a superset of the range asked for) before GOOD. */
    private ScsiResult synchronize(LogicalUnit lu, long lba, long blocks) {
        if (lba > lu.blocks() || blocks > lu.blocks() - lba) {
            return ScsiResult.check(Sense.LBA_OUT_OF_RANGE);
        }
        try {
            vols.storePending();
        } catch (RuntimeException e) {
            return ScsiResult.check(Sense.WRITE_ERROR);
        }
        return ScsiResult.good();
    }

    // ---------------------------------------------------------------- helpers

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static long u64(byte[] b, int off) {
        return ((long) u32(b, off) << 32) | (u32(b, off + 4) & 0xffffffffL);
    }

    /** Collects a volume read into a byte array. */
    private static final class ArrayOut extends OutputStream {
        private final byte[] buf;
        private int pos;

        ArrayOut(byte[] buf) {
            this.buf = buf;
        }

        @Override
        public void write(int b) {
            buf[pos++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, buf, pos, len);
            pos += len;
        }
    }
}
