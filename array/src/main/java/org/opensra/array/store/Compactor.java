package org.opensra.array.store;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;

/**
 * Gives the block data file's unreferenced space back: one {@link #compact pass} copies the live
 * blocks that sit above the live size into unreferenced slots below it, switches their refs, and
 * truncates the file to its last live block.
 * <p>
 * Crash safety, step by step (a SIGKILL may land anywhere):
 * <ol>
 * <li>The live set is read from committed metadata; a slot below the {@link DataLog#watermark()}
 * that no row references is garbage for good (only compaction gives it a reference again).</li>
 * <li>Before a slot is reused, every reading that might still hold a ref to it from before it became
 * garbage has ended ({@link DataLog#awaitReadings}).</li>
 * <li>Each batch of copies is written into free slots and forced to disk before the metadata
 * transaction that switches the refs commits. A crash before that commit leaves the copies
 * unreferenced (found by the next pass); after it, the old blocks are unreferenced.</li>
 * <li>The file is cut only after the switches are durable, with no claim open, and after every
 * reading that might hold a ref above the cut has ended.</li>
 * </ol>
 * Its transactions do not store the queued iSCSI writes first ({@link Db#txWithoutBarrier}): those are bytes,
 * not refs, so a pass neither needs nor waits for them, and a store that fails cannot stop it.
 * Nothing acknowledged is ever moved without its copy being durable first, and nothing unreferenced
 * escapes the next pass. Host I/O and replication keep going during a pass: appends and reads never wait
 * for it, except for the short moment of the cut. A pass is throttled to a rate in MB/s.
 */
public final class Compactor {
    /** Blocks copied per metadata transaction (16 MiB; tests make it smaller to switch refs more often). */
    private static final int BATCH_BLOCKS = Integer.getInteger("opensra.compaction.batchBlocks", 256);
    private static final long CUT_TIMEOUT_MS = 200;
    /** At most this many adjacent blocks are copied with one read and one write (4 MiB). */
    private static final int RUN_BLOCKS = 64;

    /** What a pass did. {@code finished} is false when readings or claims kept it from ending (retry later). */
    public record Pass(long movedBytes, long bytesBefore, long bytesAfter, double seconds, boolean finished) {
        public long reclaimedBytes() {
            return Math.max(0, bytesBefore - bytesAfter);
        }
    }

    private final Db db;
    private final DataLog data;
    private final long readingsTimeoutMs;

    public Compactor(Db db, DataLog data) {
        this(db, data, 5_000);
    }

    /** readingsTimeoutMs: how long a pass waits for earlier readings before it gives up (and is retried). */
    Compactor(Db db, DataLog data, long readingsTimeoutMs) {
        this.db = db;
        this.data = data;
        this.readingsTimeoutMs = readingsTimeoutMs;
    }

    /** Bytes in the file that no metadata row references (counting in-flight appends as used). */
    public long reclaimableBytes() {
        long referenced = db.txWithoutBarrier(c -> Db.queryLong(c, "SELECT COUNT(DISTINCT ref) FROM blocks WHERE ref >= 0", 0));
        return Math.max(0, data.size() - referenced * DataLog.BLOCK);
    }

    /**
     * One pass; {@code bytesPerSecond} (0: unthrottled) bounds the copying. Interrupting the thread
     * stops it between batches, leaving everything consistent.
     */
    public synchronized Pass compact(long bytesPerSecond) throws InterruptedException {
        long t0 = System.nanoTime();
        long before = data.size();
        long watermark = data.watermark();
        int below = (int) (watermark / DataLog.BLOCK);
        BitSet live = liveBelow(below);
        if (!data.awaitReadings(readingsTimeoutMs)) {
            return new Pass(0, before, data.size(), seconds(t0), false);
        }
        int liveCount = live.cardinality();
        // free slots under liveCount, paired in order with the live blocks at or above it
        int[] holes = new int[BATCH_BLOCKS];
        int[] movers = new int[BATCH_BLOCKS];
        int hole = live.nextClearBit(0);
        int mover = live.nextSetBit(liveCount);
        long moved = 0;
        ByteBuffer buf = DataLog.alignedBuffer(RUN_BLOCKS * DataLog.BLOCK);
        while (hole < liveCount && mover >= 0) {
            int n = 0;
            while (n < BATCH_BLOCKS && hole < liveCount && mover >= 0) {
                holes[n] = hole;
                movers[n] = mover;
                n++;
                hole = live.nextClearBit(hole + 1);
                mover = live.nextSetBit(mover + 1);
            }
            for (int i = 0; i < n; ) {
                // blocks next to each other at both ends are copied with one read and one write
                int run = 1;
                while (i + run < n && run < RUN_BLOCKS && movers[i + run] == movers[i] + run && holes[i + run] == holes[i] + run) {
                    run++;
                }
                buf.clear().limit(run * DataLog.BLOCK);
                data.readRun((long) movers[i] * DataLog.BLOCK, buf);
                data.writeAt((long) holes[i] * DataLog.BLOCK, buf.flip());
                moved += (long) run * DataLog.BLOCK;
                i += run;
                pace(t0, moved, bytesPerSecond);
            }
            data.force();
            switchRefs(holes, movers, n);
            if (Thread.interrupted()) {
                throw new InterruptedException("compaction stopped");
            }
        }
        boolean cut = cut();
        return new Pass(moved, before, data.size(), seconds(t0), cut);
    }

    /** Block numbers below {@code below} that a metadata row references. */
    private BitSet liveBelow(int below) {
        return db.txWithoutBarrier(c -> {
            BitSet live = new BitSet(below);
            List<Long> refs = Db.query(c, "SELECT DISTINCT ref FROM blocks WHERE ref >= 0 AND ref < ?", rs -> rs.getLong(1),
                (long) below * DataLog.BLOCK);
            for (long ref : refs) {
                live.set((int) (ref / DataLog.BLOCK));
            }
            return live;
        });
    }

    /** Points every row at a moved block to its copy, in one transaction. */
    private void switchRefs(int[] holes, int[] movers, int n) {
        db.txWithoutBarrier(c -> {
            for (int i = 0; i < n; i++) {
                Db.update(c, "UPDATE blocks SET ref = ? WHERE ref = ?", (long) holes[i] * DataLog.BLOCK,
                    (long) movers[i] * DataLog.BLOCK);
            }
            return null;
        });
    }

    /**
     * Truncates the file after its last referenced block; false when an append or a reading was in the
     * way (true when there is nothing to cut).
     */
    private boolean cut() throws InterruptedException {
        long closed = data.claimsClosed();
        long last = db.txWithoutBarrier(c -> Db.queryLong(c, "SELECT MAX(ref) FROM blocks WHERE ref >= 0", -1));
        long newEnd = last < 0 ? 0 : last + DataLog.BLOCK;
        return newEnd >= data.size() || data.truncate(newEnd, closed, CUT_TIMEOUT_MS);
    }

    /** Sleeps until {@code bytes} copied since {@code startNanos} are within {@code bytesPerSecond} (0: no limit). */
    private static void pace(long startNanos, long bytes, long bytesPerSecond) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long ahead = bytes * 1_000_000_000L / bytesPerSecond - (System.nanoTime() - startNanos);
        if (ahead > 1_000_000L) {
            Thread.sleep(ahead / 1_000_000L);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
