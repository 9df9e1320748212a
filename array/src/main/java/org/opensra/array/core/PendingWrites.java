package org.opensra.array.core;

import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.LayerStore;
import org.opensra.array.store.TxBarrier;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.opensra.array.store.DataLog.BLOCK;

/**
 * The iSCSI write-back cache: writes acknowledged to an initiator but not yet stored, as byte ranges
 * per volume (a later write replaces the overlapped part of earlier ones). The iSCSI logical units
 * report a volatile write cache (WCE=1 in the caching mode page): a WRITE without FUA is acknowledged
 * once queued here, a WRITE with FUA and a SYNCHRONIZE CACHE only once everything queued is stored.
 *
 * <p>Why this keeps the volume's semantics:
 * <ul>
 * <li><b>Ordering.</b> Everything here is guarded by the metadata store's lock: writes are queued in a
 * {@link Db#txWithoutBarrier} after checking, in it, that the volume exists, takes writes and covers
 * the range, and this class is the {@link TxBarrier} of the store, so every other transaction (a
 * snapshot, a sync's freeze, a demote, promote, restore, reverse, clone, delete, an API write or read
 * of metadata, compaction) first stores all queued writes in the same transaction, before its own
 * work. No write can be queued while such a transaction runs. So a snapshot, recovery point or role
 * change taken after a write was acknowledged contains it, and a write acknowledged while a volume
 * was writable is stored before any transaction makes the volume read-only.</li>
 * <li><b>Reads.</b> A read resolves its blocks and copies the overlapping queued ranges under the same
 * lock, then overlays them on the stored bytes: an initiator reads what it wrote.</li>
 * <li><b>Durability.</b> Storing is the volume service's write: the touched 64 KiB blocks are rebuilt
 * (stored bytes plus the queued ranges), appended to the data log, the log is forced, and the new refs
 * are committed in the same transaction as the barrier's caller. A queued write therefore survives a
 * SIGKILL once a SYNCHRONIZE CACHE or a FUA write that followed it has completed; before that a crash
 * may lose it, but only whole: a block is either its last committed version or the rebuilt one,
 * never half of it, and nothing else changes. The queue is emptied only when the transaction that
 * stored it committed; after a rollback it is kept and stored by the next transaction.</li>
 * </ul>
 * Refs are resolved and used within the one transaction, never kept here.
 */
public final class PendingWrites implements TxBarrier {
    /** Blocks rebuilt and appended at a time while storing (bounded memory). */
    private static final int BATCH_BLOCKS = 128;
    /** The widest range of block numbers one batch resolves at once (the refs array has one slot each). */
    private static final long BATCH_SPAN = 4096;

    private final VolumeService vols;
    private final DataLog data;
    /** Volume id to (offset to bytes), ranges not overlapping; guarded by the store's lock. */
    private final Map<String, TreeMap<Long, byte[]>> byVolume = new HashMap<>();
    private volatile long bytes;
    private volatile long oldestNanos;

    PendingWrites(VolumeService vols, DataLog data) {
        this.vols = vols;
        this.data = data;
    }

    /** Bytes queued and not yet stored. */
    public long bytes() {
        return bytes;
    }

    /** System.nanoTime() of the oldest queued write; meaningful when {@link #bytes} is not 0. */
    public long oldestNanos() {
        return oldestNanos;
    }

    /** Queues bytes at offset of a volume; the caller holds the store's lock (a transaction without barrier). */
    void add(String volumeId, long offset, byte[] src, int len) {
        if (len == 0) {
            return;
        }
        byte[] copy = java.util.Arrays.copyOf(src, len);
        TreeMap<Long, byte[]> m = byVolume.computeIfAbsent(volumeId, k -> new TreeMap<>());
        if (bytes == 0) {
            oldestNanos = System.nanoTime();
        }
        long end = offset + len;
        Map.Entry<Long, byte[]> before = m.lowerEntry(offset);
        if (before != null && before.getKey() + before.getValue().length > offset) {
            long bStart = before.getKey();
            byte[] b = before.getValue();
            long bEnd = bStart + b.length;
            m.put(bStart, java.util.Arrays.copyOf(b, (int) (offset - bStart)));
            bytes -= bEnd - offset;
            if (bEnd > end) {
                m.put(end, java.util.Arrays.copyOfRange(b, (int) (end - bStart), b.length));
                bytes += bEnd - end;
            }
        }
        while (true) {
            Map.Entry<Long, byte[]> e = m.ceilingEntry(offset);
            if (e == null || e.getKey() >= end) {
                break;
            }
            m.remove(e.getKey());
            long eEnd = e.getKey() + e.getValue().length;
            bytes -= e.getValue().length;
            if (eEnd > end) {
                m.put(end, java.util.Arrays.copyOfRange(e.getValue(), (int) (end - e.getKey()), e.getValue().length));
                bytes += eEnd - end;
            }
        }
        m.put(offset, copy);
        bytes += len;
    }

    /** A queued range to lay over stored bytes. */
    record Overlay(long offset, byte[] bytes) {
    }

    /** Copies of the queued ranges of a volume overlapping [from, to); the caller holds the store's lock. */
    List<Overlay> overlapping(String volumeId, long from, long to) {
        TreeMap<Long, byte[]> m = byVolume.get(volumeId);
        if (m == null || m.isEmpty()) {
            return List.of();
        }
        List<Overlay> out = new ArrayList<>();
        Long start = m.floorKey(from);
        for (Map.Entry<Long, byte[]> e : m.subMap(start == null ? from : start, true, to, false).entrySet()) {
            long eEnd = e.getKey() + e.getValue().length;
            if (eEnd <= from) {
                continue;
            }
            long s = Math.max(from, e.getKey());
            long t = Math.min(to, eEnd);
            out.add(new Overlay(s, java.util.Arrays.copyOfRange(e.getValue(), (int) (s - e.getKey()), (int) (t - e.getKey()))));
        }
        return out;
    }

    /** Lays the ranges over buf, which holds the bytes [from, from + n). */
    static void overlay(List<Overlay> ranges, long from, byte[] buf, int n) {
        for (Overlay o : ranges) {
            long s = Math.max(from, o.offset());
            long t = Math.min(from + n, o.offset() + o.bytes().length);
            if (s < t) {
                System.arraycopy(o.bytes(), (int) (s - o.offset()), buf, (int) (s - from), (int) (t - s));
            }
        }
    }

    /** Stores every queued write in the caller's transaction (see the class comment). */
    @Override
    public void apply(Connection c) throws SQLException {
        if (bytes == 0) {
            return;
        }
        // the appended blocks are claimed until their refs are put; the commit follows under the store's lock,
        // which compaction's metadata reads also take, so it never sees them unreferenced (DataLog's rules)
        try (DataLog.Claim claim = data.claim()) {
            applyClaimed(c, claim);
        }
    }

    private void applyClaimed(Connection c, DataLog.Claim claim) throws SQLException {
        boolean stored = false;
        List<long[][]> maps = new ArrayList<>();
        List<Long> tops = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, byte[]>> v : byVolume.entrySet()) {
            Volume vol = vols.findIn(c, v.getKey());
            if (vol == null || v.getValue().isEmpty()) {
                continue; // deleted meanwhile: its queued writes go with it
            }
            TreeMap<Long, List<Overlay>> blocks = new TreeMap<>();
            for (Map.Entry<Long, byte[]> e : v.getValue().entrySet()) {
                long end = e.getKey() + e.getValue().length;
                for (long b = e.getKey() / BLOCK; b * BLOCK < end; b++) {
                    blocks.computeIfAbsent(b, k -> new ArrayList<>()).add(new Overlay(e.getKey(), e.getValue()));
                }
            }
            List<Long> all = new ArrayList<>(blocks.keySet());
            for (int i = 0; i < all.size(); ) {
                int j = i + 1;
                while (j < all.size() && j - i < BATCH_BLOCKS && all.get(j) - all.get(i) < BATCH_SPAN) {
                    j++;
                }
                List<Long> batch = all.subList(i, j);
                i = j;
                long[][] blkRefs = storeBatch(c, claim, vol.top(), batch, blocks);
                stored |= blkRefs[2][0] != 0;
                maps.add(blkRefs);
                tops.add(vol.top());
            }
        }
        if (stored) {
            data.force();
        }
        for (int i = 0; i < maps.size(); i++) {
            LayerStore.put(c, tops.get(i), maps.get(i)[0], maps.get(i)[1]);
        }
    }

    /** Rebuilds and appends one batch of blocks; returns {blks, refs, {stored count}}. */
    private long[][] storeBatch(Connection c, DataLog.Claim claim, long top, List<Long> batch,
                                TreeMap<Long, List<Overlay>> blocks)
            throws SQLException {
        int n = batch.size();
        long first = batch.get(0);
        long last = batch.get(n - 1);
        long[] old = LayerStore.resolve(c, top, first, last);
        byte[] buf = new byte[BLOCK];
        ByteBuffer out = ByteBuffer.allocate(n * BLOCK);
        long[] blks = new long[n];
        long[] refs = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long b = batch.get(i);
            List<Overlay> over = blocks.get(b);
            long covered = 0;
            for (Overlay o : over) {
                covered += Math.min((b + 1) * BLOCK, o.offset() + o.bytes().length) - Math.max(b * BLOCK, o.offset());
            }
            if (covered < BLOCK) {
                data.read(old[(int) (b - first)], ByteBuffer.wrap(buf));
            }
            overlay(over, b * BLOCK, buf, BLOCK);
            blks[i] = b;
            if (DataLog.isZero(buf, 0, BLOCK)) {
                refs[i] = DataLog.ZERO;
            } else {
                out.put(buf);
                refs[i] = (long) count++ * BLOCK;
            }
        }
        if (count > 0) {
            out.flip();
            long at = claim.append(out);
            for (int i = 0; i < n; i++) {
                if (refs[i] != DataLog.ZERO) {
                    refs[i] += at;
                }
            }
        }
        return new long[][] {blks, refs, {count}};
    }

    @Override
    public void committed() {
        byVolume.clear();
        bytes = 0;
    }

    @Override
    public void rolledBack() {
        // kept: the next transaction stores them
    }
}
