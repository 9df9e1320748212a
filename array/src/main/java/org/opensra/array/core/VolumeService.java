package org.opensra.array.core;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.Ids;
import org.opensra.array.store.LayerStore;
import org.opensra.array.store.StatementCache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import static org.opensra.array.store.DataLog.BLOCK;

/** Volumes, their bytes, snapshots and copy-on-write clones. */
public final class VolumeService {
    /** Writes and reads are processed in windows of this many blocks (bounded memory). */
    private static final int WINDOW_BLOCKS = 128;

    private final Db db;
    private final DataLog data;
    private final Ids ids;
    private final ConcurrentHashMap<String, ReentrantLock> writeLocks = new ConcurrentHashMap<>();
    /** Queued iSCSI writes; the store's transaction barrier (see {@link PendingWrites}). */
    private final PendingWrites pending;
    /** Queued bytes above which a queuing writer stores them itself before returning. */
    private final long pendingLimit = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    /** The read path's statements (under the store's lock, inside its transactions). */
    private final StatementCache readStatements = new StatementCache();
    private static final String VOLUME_LAYER = "SELECT top, size FROM volumes WHERE id = ?";
    private static final String VOLUME_ACCESS = "SELECT access, size FROM volumes WHERE id = ?";
    private static final String BLOCKS_OF_LAYER = "SELECT blk, ref FROM blocks WHERE layer = ? AND blk BETWEEN ? AND ?";

    public VolumeService(Db db, DataLog data, Ids ids) {
        this.db = db;
        this.data = data;
        this.ids = ids;
        this.pending = new PendingWrites(this, data);
        db.setBarrier(pending);
    }

    /** The queue of acknowledged iSCSI writes not stored yet. */
    public PendingWrites pending() {
        return pending;
    }

    /** Queued bytes above which a queuing writer stores them itself before returning. */
    public long pendingLimit() {
        return pendingLimit;
    }

    public Db db() {
        return db;
    }

    public DataLog data() {
        return data;
    }

    public Ids ids() {
        return ids;
    }

    // ---------------------------------------------------------------- volumes

    public Volume create(String name, long size, String kind) {
        String k = checkedKind(name, size, kind);
        return db.tx(c -> insertVolume(c, name, size, k, "read-write", "none", null, null, null));
    }

    /**
     * Creates many volumes in one transaction: {@code [{"name","sizeBytes","kind"}...]}; each item gets
     * its result ({@code ok} with the volume, or its error) and a bad item does not stop the others.
     */
    public java.util.List<java.util.Map<String, Object>> createMany(java.util.List<VolumeSpec> specs) {
        return db.tx(c -> {
            java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
            for (VolumeSpec s : specs) {
                java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
                r.put("name", s.name());
                try {
                    String k = checkedKind(s.name(), s.size(), s.kind());
                    Volume v = insertVolume(c, s.name(), s.size(), k, "read-write", "none", null, null, null);
                    r.put("ok", true);
                    r.put("id", v.id());
                    r.put("wwn", v.wwn());
                    r.put("sizeBytes", v.size());
                    r.put("kind", v.kind());
                } catch (ArrayException e) {
                    r.put("ok", false);
                    r.put("error", org.opensra.array.Json.error(e));
                }
                out.add(r);
            }
            return out;
        });
    }

    /** One volume of {@link #createMany}. */
    public record VolumeSpec(String name, long size, String kind) {
    }

    private static String checkedKind(String name, long size, String kind) {
        if (name == null || name.isBlank()) {
            throw ArrayException.badRequest("a volume needs a name");
        }
        if (size <= 0 || size % 512 != 0) {
            throw ArrayException.badRequest("size must be a positive multiple of 512 bytes: " + size);
        }
        String k = kind == null ? "block" : kind;
        if (!k.equals("block") && !k.equals("file")) {
            throw ArrayException.badRequest("kind must be block or file: " + kind);
        }
        return k;
    }

    /** Inserts a volume with a fresh empty top layer (or one on top of baseLayer). */
    public Volume insertVolume(Connection c, String name, long size, String kind, String access, String role,
                               Long baseLayer, String cloneOfVolume, String cloneOfPoint) throws SQLException {
        long serial = ids.nextNumber(c, "vol");
        String id = ids.arrayId() + ".vol." + serial;
        long top = LayerStore.newLayer(c, baseLayer, false);
        String export = "file".equals(kind) ? "/exports/" + ids.arrayId() + "/" + id : null;
        Db.update(c, "INSERT INTO volumes(" + Volume.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
            id, name, kind, size, Wwn.of(ids.arrayId(), serial), Clock.now(), top, access, role,
            cloneOfVolume, cloneOfPoint, export, null);
        return getIn(c, id);
    }

    public Volume get(String id) {
        return db.tx(c -> getIn(c, id));
    }

    public Volume getIn(Connection c, String id) throws SQLException {
        Volume v = findIn(c, id);
        if (v == null) {
            throw ArrayException.notFound("volume", id);
        }
        return v;
    }

    public Volume findIn(Connection c, String id) throws SQLException {
        return Db.queryOne(c, "SELECT " + Volume.COLUMNS + " FROM volumes WHERE id = ?", Volume::of, id);
    }

    public List<Volume> list() {
        return db.tx(c -> Db.query(c, "SELECT " + Volume.COLUMNS + " FROM volumes ORDER BY rowid", Volume::of));
    }

    public long usedBytes(String id) {
        return db.tx(c -> LayerStore.allocatedBlocks(c, getIn(c, id).top()) * BLOCK);
    }

    /** Deletes a volume that is neither replicated nor mapped; false if it did not exist. */
    public boolean delete(String id) {
        return db.tx(c -> {
            Volume v = findIn(c, id);
            if (v == null) {
                return false;
            }
            if (Db.queryLong(c, "SELECT COUNT(*) FROM pairs WHERE volume_id = ?", 0, id) > 0) {
                throw ArrayException.wrongState(id, "volume " + id + " is replicated; it cannot be deleted");
            }
            if (Db.queryLong(c, "SELECT COUNT(*) FROM volumes WHERE clone_of_volume = ?", 0, id) > 0) {
                throw ArrayException.wrongState(id, "volume " + id + " has clones; delete them first");
            }
            deleteIn(c, v);
            return true;
        });
    }

    /** Removes a volume row, its mappings, its snapshots, and reclaims the layers. */
    public void deleteIn(Connection c, Volume v) throws SQLException {
        Db.update(c, "DELETE FROM mappings WHERE volume_id = ?", v.id());
        Db.update(c, "DELETE FROM test_copies WHERE clone_id = ?", v.id());
        List<Snapshot> snaps = snapshotsIn(c, v.id());
        Db.update(c, "DELETE FROM snapshots WHERE volume_id = ?", v.id());
        Db.update(c, "DELETE FROM volumes WHERE id = ?", v.id());
        LayerStore.collect(c, v.top());
        for (Snapshot s : snaps) {
            LayerStore.collect(c, s.layer());
        }
    }

    // ---------------------------------------------------------------- data

    /** Writes the stream at offset; durable (data fsync, then metadata commit) when it returns. */
    public long write(String id, long offset, InputStream in) throws IOException {
        ReentrantLock lock = writeLocks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            Volume v = get(id);
            checkWritable(v);
            if (offset < 0) {
                throw ArrayException.badRequest("offset must be >= 0");
            }
            byte[] chunk = new byte[WINDOW_BLOCKS * BLOCK];
            long pos = offset;
            while (true) {
                int n = in.readNBytes(chunk, 0, chunk.length);
                if (n == 0) {
                    break;
                }
                if (pos + n > v.size()) {
                    throw ArrayException.badRequest("write past the end of volume " + id + " (size " + v.size() + ")");
                }
                writeChunk(v, pos, chunk, n);
                pos += n;
                if (n < chunk.length) {
                    break;
                }
            }
            return pos - offset;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a write of len bytes of src at offset (an iSCSI WRITE: the logical unit reports a volatile
     * write cache): checked (volume exists, takes writes, range inside) and visible to reads when it
     * returns, stored by the next transaction with barrier, at the latest by {@link #storePending}.
     */
    public void queueWrite(String id, long offset, byte[] src, int len) {
        ReentrantLock lock = writeLocks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            db.txWithoutBarrier(c -> {
                PreparedStatement ps = readStatements.get(c, VOLUME_ACCESS);
                ps.setString(1, id);
                String access;
                long size;
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ArrayException.notFound("volume", id);
                    }
                    access = rs.getString(1);
                    size = rs.getLong(2);
                }
                if (!"read-write".equals(access)) {
                    checkWritable(getIn(c, id));
                }
                if (offset < 0 || offset + len > size) {
                    throw ArrayException.badRequest("write " + offset + "+" + len + " outside volume " + id + " (size " + size + ")");
                }
                pending.add(id, offset, src, len);
                return null;
            });
        } finally {
            lock.unlock();
        }
        if (pending.bytes() > pendingLimit) {
            storePending();
        }
    }

    /** Stores every queued write (SYNCHRONIZE CACHE, FUA): durable when it returns. */
    public void storePending() {
        db.tx(c -> null);
    }

    private static void checkWritable(Volume v) {
        if (!v.writable()) {
            throw ArrayException.wrongState(v.id(), "volume " + v.id() + " is read-only (role " + v.role() + ")");
        }
    }

    private void writeChunk(Volume v, long offset, byte[] buf, int len) {
        long b0 = offset / BLOCK;
        long b1 = (offset + len - 1) / BLOCK;
        int count = (int) (b1 - b0 + 1);
        byte[] blocks = new byte[count * BLOCK];
        int head = (int) (offset - b0 * BLOCK);
        int tailEnd = head + len;
        boolean partialHead = head != 0;
        boolean partialTail = tailEnd % BLOCK != 0;
        if (partialHead || partialTail) {
            try (DataLog.Reading reading = data.reading()) {
                long[] refs = db.tx(c -> LayerStore.resolve(c, getIn(c, v.id()).top(), b0, b1));
                if (partialHead) {
                    data.read(refs[0], ByteBuffer.wrap(blocks, 0, BLOCK));
                }
                if (partialTail && (count > 1 || !partialHead)) {
                    data.read(refs[count - 1], ByteBuffer.wrap(blocks, (count - 1) * BLOCK, BLOCK));
                }
            }
        }
        System.arraycopy(buf, 0, blocks, head, len);
        long[] blks = new long[count];
        long[] refs = new long[count];
        ByteBuffer out = ByteBuffer.allocate(count * BLOCK);
        int stored = 0;
        for (int i = 0; i < count; i++) {
            blks[i] = b0 + i;
            if (DataLog.isZero(blocks, i * BLOCK, BLOCK)) {
                refs[i] = DataLog.ZERO;
            } else {
                out.put(blocks, i * BLOCK, BLOCK);
                refs[i] = stored++;
            }
        }
        out.flip();
        try (DataLog.Claim claim = data.claim()) {
            long first = stored > 0 ? claim.append(out) : 0;
            if (stored > 0) {
                data.force();
            }
            for (int i = 0; i < count; i++) {
                if (refs[i] != DataLog.ZERO) {
                    refs[i] = first + refs[i] * BLOCK;
                }
            }
            db.tx(c -> {
                Volume now = getIn(c, v.id());
                checkWritable(now);
                LayerStore.put(c, now.top(), blks, refs);
                return null;
            });
        }
    }

    /** A readable object: a volume/clone (its top) or a snapshot/recovery point (its frozen layer). */
    public record Readable(String id, long layer, long size) {
    }

    public Readable readable(Connection c, String id) throws SQLException {
        Volume v = findIn(c, id);
        if (v != null) {
            return new Readable(id, v.top(), v.size());
        }
        Snapshot s = findSnapshotIn(c, id);
        if (s != null) {
            Volume owner = getIn(c, s.volumeId());
            return new Readable(id, s.layer(), owner.size());
        }
        throw ArrayException.notFound("volume or snapshot", id);
    }

    public long sizeOf(String id) {
        return db.tx(c -> readable(c, id).size());
    }

    /**
     * Copies [offset, offset+length) of a volume, clone, snapshot or recovery point to out. Each window
     * of blocks is resolved in one metadata transaction (the first one together with the object's size)
     * that also copies the queued iSCSI writes over it ({@link PendingWrites}, laid over the stored bytes);
     * runs of blocks stored one after the other are read in one call. Refs are used only right after the
     * transaction that resolved them, never kept across windows or calls.
     */
    public void read(String id, long offset, long length, OutputStream out) throws IOException {
        long end = offset + length;
        long first = offset / BLOCK;
        long firstLast = length <= 0 ? first : Math.min((end - 1) / BLOCK, first + WINDOW_BLOCKS - 1);
        // from each window's resolve until its blocks are read, the refs stay where they are (DataLog.Reading)
        DataLog.Reading reading = data.reading();
        try {
            Window firstWindow = db.txWithoutBarrier(c -> {
                Readable r = readableFast(c, id);
                if (offset < 0 || length < 0 || end > r.size()) {
                    throw ArrayException.badRequest("range " + offset + "+" + length + " outside " + id + " (size " + r.size() + ")");
                }
                return length == 0 ? null : window(c, id, r.layer(), first, firstLast, offset, end);
            });
            // sized to the request (a 4 KiB read need not allocate a whole window), at most one window
            byte[] buf = new byte[(int) Math.min((long) WINDOW_BLOCKS * BLOCK, length)];
            long pos = offset;
            Window w = firstWindow;
            while (pos < end) {
                long b0 = pos / BLOCK;
                long b1 = Math.min((end - 1) / BLOCK, b0 + WINDOW_BLOCKS - 1);
                long from = pos;
                if (w == null) {
                    reading = data.reading();
                    // re-resolve per window: the object may be a volume being written meanwhile
                    w = db.txWithoutBarrier(c -> window(c, id, readableFast(c, id).layer(), b0, b1, from, end));
                }
                int n = (int) Math.min(end - pos, (b1 + 1) * BLOCK - pos);
                readBytes(w.refs(), b0, pos, n, buf);
                reading.close(); // the refs are used: compaction may move their blocks now
                PendingWrites.overlay(w.pending(), pos, buf, n);
                out.write(buf, 0, n);
                pos += n;
                w = null;
            }
            out.flush();
        } finally {
            reading.close();
        }
    }

    /** The refs of a window's blocks and the queued writes over its bytes, taken in one transaction. */
    private record Window(long[] refs, List<PendingWrites.Overlay> pending) {
    }

    /** {@link #readable} with one cached statement for a volume (the iSCSI case), the full lookup otherwise. */
    private Readable readableFast(Connection c, String id) throws SQLException {
        PreparedStatement ps = readStatements.get(c, VOLUME_LAYER);
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return new Readable(id, rs.getLong(1), rs.getLong(2));
            }
        }
        return readable(c, id);
    }

    private Window window(Connection c, String id, long layer, long b0, long b1, long from, long to) throws SQLException {
        long[] refs = inLayer(c, layer, b0, b1);
        if (refs == null) {
            refs = LayerStore.resolve(readStatements.get(c, LayerStore.RESOLVE), layer, b0, b1);
        }
        return new Window(refs, pending.overlapping(id, from, Math.min(to, (b1 + 1) * BLOCK)));
    }

    /**
     * The refs of blocks b0..b1 when the layer itself maps every one of them (the common case of a
     * volume's top after its data was written: one indexed range query instead of a walk of the chain);
     * null when any is missing there (then the chain decides).
     */
    private long[] inLayer(Connection c, long layer, long b0, long b1) throws SQLException {
        long[] refs = new long[(int) (b1 - b0 + 1)];
        PreparedStatement ps = readStatements.get(c, BLOCKS_OF_LAYER);
        ps.setLong(1, layer);
        ps.setLong(2, b0);
        ps.setLong(3, b1);
        int found = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                refs[(int) (rs.getLong(1) - b0)] = rs.getLong(2);
                found++;
            }
        }
        return found == refs.length ? refs : null;
    }

    /**
     * Reads bytes [from, from+n) of the blocks b0.. whose refs are given into buf[0, n). Whole blocks are
     * read even for a part of one (a 4 KiB read reads its 64 KiB block): block data is appended with
     * O_DIRECT, so the first read of a block comes from the device, and reading it whole caches the
     * rest of it for the reads that follow, as read-ahead would.
     */
    private void readBytes(long[] refs, long b0, long from, int n, byte[] buf) {
        int done = 0;
        byte[] scratch = null;
        while (done < n) {
            long at = from + done;
            int i = (int) (at / BLOCK - b0);
            int inBlock = (int) (at % BLOCK);
            int take = Math.min(n - done, BLOCK - inBlock);
            if (refs[i] == DataLog.ZERO) {
                java.util.Arrays.fill(buf, done, done + take, (byte) 0);
                done += take;
                continue;
            }
            int blocks = 1;
            while (done + take < n && i + blocks < refs.length && refs[i + blocks] == refs[i] + (long) blocks * BLOCK) {
                take += Math.min(n - done - take, BLOCK);
                blocks++;
            }
            if (inBlock == 0 && take == blocks * BLOCK) {
                data.readRun(refs[i], ByteBuffer.wrap(buf, done, take));
            } else {
                if (scratch == null || scratch.length < blocks * BLOCK) {
                    scratch = new byte[blocks * BLOCK];
                }
                data.readRun(refs[i], ByteBuffer.wrap(scratch, 0, blocks * BLOCK));
                System.arraycopy(scratch, inBlock, buf, done, take);
            }
            done += take;
        }
    }

    // ---------------------------------------------------------------- snapshots and clones

    public Snapshot snapshot(String volumeId, String name) {
        if (name == null || name.isBlank()) {
            throw ArrayException.badRequest("a snapshot needs a name");
        }
        return db.tx(c -> freeze(c, getIn(c, volumeId), name, Snapshot.USER, null, null));
    }

    /**
     * Freezes the volume's top layer as a snapshot and gives the volume a new empty top: O(1),
     * whatever the size or the data written. Runs inside the caller's transaction.
     */
    public Snapshot freeze(Connection c, Volume v, String name, String kind, String groupPoint, String peerSnapshot)
            throws SQLException {
        String id = ids.next(c, "snap");
        long frozen = Db.queryLong(c, "SELECT top FROM volumes WHERE id = ?", -1, v.id());
        long top = LayerStore.newLayer(c, frozen, false);
        Db.update(c, "UPDATE volumes SET top = ? WHERE id = ?", top, v.id());
        Db.update(c, "INSERT INTO snapshots(" + Snapshot.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?)",
            id, v.id(), name, kind, frozen, Clock.now(), groupPoint, peerSnapshot);
        return findSnapshotIn(c, id);
    }

    public Snapshot findSnapshotIn(Connection c, String id) throws SQLException {
        return Db.queryOne(c, "SELECT " + Snapshot.COLUMNS + " FROM snapshots WHERE id = ?", Snapshot::of, id);
    }

    public Snapshot getSnapshotIn(Connection c, String id) throws SQLException {
        Snapshot s = findSnapshotIn(c, id);
        if (s == null) {
            throw ArrayException.notFound("snapshot", id);
        }
        return s;
    }

    /** Snapshots of a volume, oldest first. */
    public List<Snapshot> snapshotsIn(Connection c, String volumeId) throws SQLException {
        return Db.query(c, "SELECT " + Snapshot.COLUMNS + " FROM snapshots WHERE volume_id = ? ORDER BY rowid",
            Snapshot::of, volumeId);
    }

    public List<Snapshot> snapshots(String volumeId) {
        return db.tx(c -> {
            getIn(c, volumeId);
            return snapshotsIn(c, volumeId);
        });
    }

    public boolean deleteSnapshot(String id) {
        return db.tx(c -> {
            Snapshot s = findSnapshotIn(c, id);
            if (s == null) {
                return false;
            }
            deleteSnapshotIn(c, s);
            return true;
        });
    }

    public void deleteSnapshotIn(Connection c, Snapshot s) throws SQLException {
        Db.update(c, "DELETE FROM snapshots WHERE id = ?", s.id());
        Db.update(c, "UPDATE pairs SET base_snapshot = NULL WHERE base_snapshot = ?", s.id());
        LayerStore.collect(c, s.layer());
    }

    /** A writable copy-on-write clone of a snapshot/recovery point, or of a volume's current data. */
    public Volume cloneOf(String sourceId, String name) {
        if (name == null || name.isBlank()) {
            throw ArrayException.badRequest("a clone needs a name");
        }
        return db.tx(c -> {
            Snapshot s = findSnapshotIn(c, sourceId);
            if (s == null) {
                Volume v = getIn(c, sourceId);
                s = freeze(c, v, "clone base of " + v.name(), Snapshot.CLONE_BASE, null, null);
            }
            return cloneIn(c, s, name);
        });
    }

    public Volume cloneIn(Connection c, Snapshot s, String name) throws SQLException {
        Volume owner = getIn(c, s.volumeId());
        return insertVolume(c, name, owner.size(), owner.kind(), "read-write", "clone", s.layer(), owner.id(), s.id());
    }

    /** Deletes a clone (idempotent: false if already gone); a clone-base snapshot goes with it. */
    public boolean deleteClone(String id) {
        return db.tx(c -> deleteCloneIn(c, id));
    }

    public boolean deleteCloneIn(Connection c, String id) throws SQLException {
        Volume v = findIn(c, id);
        if (v == null) {
            return false;
        }
        if (!"clone".equals(v.role())) {
            throw ArrayException.wrongState(id, id + " is not a clone");
        }
        deleteIn(c, v);
        Snapshot base = v.cloneOfPoint() == null ? null : findSnapshotIn(c, v.cloneOfPoint());
        if (base != null && Snapshot.CLONE_BASE.equals(base.kind())
            && Db.queryLong(c, "SELECT COUNT(*) FROM volumes WHERE clone_of_point = ?", 0, base.id()) == 0) {
            deleteSnapshotIn(c, base);
        }
        return true;
    }
}
