package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.LayerStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Target side of a transfer: stages the received blocks in hidden layers, then in ONE transaction
 * turns them into a recovery point of every member (a group's point appears atomically or not at
 * all). An interrupted stream leaves only staging layers, dropped at once or at the next start.
 */
public final class TransferReceiver {
    private static final int CHUNK_BLOCKS = 64;

    private final VolumeService vols;

    public TransferReceiver(VolumeService vols) {
        this.vols = vols;
    }

    private static final class Member {
        final String pairId;
        final boolean full;
        final String baseRp;
        final String sourceSnapshot;
        long staging = -1;
        long[] blks = new long[256];
        long[] refs = new long[256];
        int n;

        Member(JsonNode m) {
            pairId = m.path("pairId").asText();
            full = m.path("full").asBoolean();
            baseRp = Json.text(m, "baseRp");
            sourceSnapshot = m.path("sourceSnapshot").asText();
        }

        void add(long blk, long ref) {
            if (n == blks.length) {
                blks = Arrays.copyOf(blks, n * 2);
                refs = Arrays.copyOf(refs, n * 2);
            }
            blks[n] = blk;
            refs[n] = ref;
            n++;
        }
    }

    /** What the state endpoint tells a source about each pair. */
    public Map<String, Object> state(List<String> pairIds) {
        return vols.db().tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : pairIds) {
                Pair p = PairStore.get(c, id);
                Snapshot rp = latestRp(c, p.volumeId());
                out.add(Json.obj("id", id, "role", p.role(), "latestRp", rp == null ? null : rp.id(),
                    "latestPeerSnapshot", rp == null ? null : rp.peerSnapshot()));
            }
            return Json.obj("pairs", out);
        });
    }

    public Snapshot latestRp(Connection c, String volumeId) throws SQLException {
        return Db.queryOne(c, "SELECT " + Snapshot.COLUMNS + " FROM snapshots WHERE volume_id = ? AND kind = ?"
            + " ORDER BY rowid DESC LIMIT 1", Snapshot::of, volumeId, Snapshot.RECOVERY_POINT);
    }

    /**
     * A transfer between its header and its blocks: staged (its staging layers exist) or already applied
     * (a retry of a point this array holds: the answer is known and no block needs to travel).
     */
    public final class Incoming {
        private final List<Member> members;
        private final String time;
        private final Map<String, Object> answer;
        private boolean open;

        private Incoming(List<Member> members, String time, Map<String, Object> answer) {
            this.members = members;
            this.time = time;
            this.answer = answer;
            this.open = answer == null;
        }

        /** The answer when the point is already applied; null when the blocks are to be sent. */
        public Map<String, Object> answer() {
            return answer;
        }

        /** Receives the blocks and the end marker, then applies the point in one transaction. */
        public Map<String, Object> finish(ReadableByteChannel ch) throws IOException {
            // the received blocks are claimed until the commit that references them
            try (DataLog.Claim claim = vols.data().claim()) {
                receive(new TransferInput(ch), members, claim);
                vols.data().force();
                Map<String, Object> done = vols.db().tx(c -> commit(c, members, time));
                open = false;
                return done;
            } finally {
                abort();
            }
        }

        /** Drops the staged layers of a transfer that is not finished (no-op once it is). */
        public void abort() {
            if (!open) {
                return;
            }
            open = false;
            vols.db().tx(c -> {
                for (Member m : members) {
                    if (m.staging >= 0) {
                        Db.update(c, "DELETE FROM blocks WHERE layer = ?", m.staging);
                        Db.update(c, "DELETE FROM layers WHERE id = ? AND staging = 1", m.staging);
                    }
                }
                return null;
            });
        }
    }

    /** Reads a transfer's header and stages it (or finds it already applied). */
    public Incoming begin(ReadableByteChannel ch) throws IOException {
        return begin(ch, null);
    }

    /** As {@link #begin(ReadableByteChannel)}; a member outside allowedPairs (the ticket's) refuses the transfer. */
    public Incoming begin(ReadableByteChannel ch, java.util.Set<String> allowedPairs) throws IOException {
        TransferInput in = new TransferInput(ch);
        int hlen = in.readInt();
        if (hlen <= 0 || hlen > (16 << 20)) {
            throw ArrayException.badRequest("bad transfer header length " + hlen);
        }
        ByteBuffer h = ByteBuffer.allocate(hlen);
        in.readFully(h);
        JsonNode header = Json.MAPPER.readTree(h.array());
        List<Member> members = new ArrayList<>();
        for (JsonNode m : header.path("members")) {
            members.add(new Member(m));
        }
        if (members.isEmpty()) {
            throw ArrayException.badRequest("transfer header names no member");
        }
        if (allowedPairs != null) {
            for (Member m : members) {
                if (!allowedPairs.contains(m.pairId)) {
                    throw new ArrayException(org.opensra.array.ErrorCode.UNAUTHORIZED, "the transfer ticket was issued for"
                        + " other pairs, not " + m.pairId, m.pairId);
                }
            }
        }
        String time = header.path("time").asText(Clock.now());
        return vols.db().tx(c -> prepare(c, members)
            ? new Incoming(members, time, Json.obj("applied", false, "recoveryPoints", describe(c, members)))
            : new Incoming(members, time, null));
    }

    private boolean prepare(Connection c, List<Member> members) throws SQLException {
        int applied = 0;
        for (Member m : members) {
            Pair p = PairStore.get(c, m.pairId);
            if (!Pair.TARGET.equals(p.role())) {
                throw ArrayException.wrongState(p.id(), "replica " + p.volumeId() + " is " + p.role()
                    + ": it accepts no replication");
            }
            Snapshot latest = latestRp(c, p.volumeId());
            if (latest != null && m.sourceSnapshot.equals(latest.peerSnapshot())) {
                applied++;
            }
        }
        if (applied == members.size()) {
            return true;
        }
        for (Member m : members) {
            Pair p = PairStore.get(c, m.pairId);
            Snapshot latest = latestRp(c, p.volumeId());
            if (!m.full && (latest == null || !latest.id().equals(m.baseRp))) {
                throw new ArrayException(ErrorCode.CONFLICT, "transfer for " + p.id() + " is based on " + m.baseRp
                    + " but the latest recovery point is " + (latest == null ? "none" : latest.id()), p.id());
            }
            m.staging = LayerStore.newLayer(c, m.full ? null : latest.layer(), true);
        }
        return false;
    }

    private void receive(TransferInput in, List<Member> members, DataLog.Claim claim) throws IOException {
        ByteBuffer index = ByteBuffer.allocate(TransferFormat.BATCH_BLOCKS * TransferFormat.ENTRY);
        try (ChunkAppender appender = new ChunkAppender(vols.data(), claim)) {
            for (Member m : members) {
                while (true) {
                    int count = in.readInt();
                    if (count == 0) {
                        break;
                    }
                    if (count < 0 || count > TransferFormat.BATCH_BLOCKS) {
                        throw new IOException("bad batch size " + count);
                    }
                    index.clear().limit(count * TransferFormat.ENTRY);
                    in.readFully(index);
                    index.flip();
                    for (int i = 0; i < count; i++) {
                        long blk = index.getLong();
                        int len = index.getInt();
                        if (len == 0) {
                            m.add(blk, DataLog.ZERO);
                        } else if (len != DataLog.BLOCK) {
                            throw new IOException("bad block length " + len);
                        } else {
                            appender.receive(in, m, blk);
                        }
                    }
                }
            }
            if (in.readLong() != TransferFormat.END) {
                throw new IOException("transfer stream has no end marker");
            }
            appender.finish();
        }
    }

    /**
     * Receives blocks straight into the chunk being filled (direct memory, aligned for O_DIRECT) and
     * writes each full chunk on helper threads, up to {@value #WRITES_IN_FLIGHT} chunks at a time, so
     * that disk writes overlap each other and the network reads of the next chunk. A chunk's place in the
     * block data is reserved when it is handed over, so its blocks' refs are known at once; they are
     * recorded in their members when its write is done. A received block of zeros is recorded as a zero
     * block and takes no space.
     */
    private static final class ChunkAppender implements AutoCloseable {
        private static final int WRITES_IN_FLIGHT = 2;

        private record Write(ByteBuffer chunk, Member[] owners, long[] blks, int n, long first, Future<?> done) {
        }

        private final DataLog data;
        private final DataLog.Claim claim;
        private final ExecutorService writers = Futures.helperThreads("transfer-write", WRITES_IN_FLIGHT);
        private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
        private final ArrayDeque<Write> inFlight = new ArrayDeque<>();
        private ByteBuffer filling;
        private Member[] owners = new Member[CHUNK_BLOCKS];
        private long[] blks = new long[CHUNK_BLOCKS];
        private int n;

        ChunkAppender(DataLog data, DataLog.Claim claim) {
            this.data = data;
            this.claim = claim;
            filling = DataLog.alignedBuffer(CHUNK_BLOCKS * DataLog.BLOCK);
        }

        /** Reads the next block of {@code in} into the chunk. */
        void receive(TransferInput in, Member m, long blk) throws IOException {
            ByteBuffer block = filling.limit((n + 1) * DataLog.BLOCK).position(n * DataLog.BLOCK).slice();
            in.readFully(block);
            if (DataLog.isZero(block.flip())) {
                m.add(blk, DataLog.ZERO);
                return;
            }
            owners[n] = m;
            blks[n] = blk;
            n++;
            if (n == CHUNK_BLOCKS) {
                hand();
            }
        }

        /** Writes what is left and waits until every block has its ref. */
        void finish() throws IOException {
            if (n > 0) {
                hand();
            }
            while (!inFlight.isEmpty()) {
                complete();
            }
        }

        private void hand() throws IOException {
            if (inFlight.size() == WRITES_IN_FLIGHT) {
                complete();
            }
            ByteBuffer chunk = filling.position(0).limit(n * DataLog.BLOCK);
            long first = claim.reserve((long) n * DataLog.BLOCK);
            Future<?> done = writers.submit(() -> data.writeAt(first, chunk));
            inFlight.add(new Write(chunk, owners, blks, n, first, done));
            filling = free.isEmpty() ? DataLog.alignedBuffer(CHUNK_BLOCKS * DataLog.BLOCK) : free.poll();
            filling.clear();
            owners = new Member[CHUNK_BLOCKS];
            blks = new long[CHUNK_BLOCKS];
            n = 0;
        }

        /** Waits for the oldest write and records its blocks' refs. */
        private void complete() throws IOException {
            Write w = inFlight.poll();
            Futures.await(w.done(), "writing received blocks");
            for (int i = 0; i < w.n(); i++) {
                w.owners()[i].add(w.blks()[i], w.first() + (long) i * DataLog.BLOCK);
            }
            free.add(w.chunk());
        }

        @Override
        public void close() {
            writers.shutdownNow();
        }
    }

    private Map<String, Object> commit(Connection c, List<Member> members, String time) throws SQLException {
        String groupPoint = members.size() > 1 || PairStore.get(c, members.get(0).pairId).groupId() != null
            ? vols.ids().next(c, "gp") : null;
        for (Member m : members) {
            Pair p = PairStore.get(c, m.pairId);
            if (!Pair.TARGET.equals(p.role())) {
                throw ArrayException.wrongState(p.id(), "replica " + p.volumeId() + " was promoted during the transfer");
            }
            Snapshot latest = latestRp(c, p.volumeId());
            if (!m.full && (latest == null || !latest.id().equals(m.baseRp))) {
                throw new ArrayException(ErrorCode.CONFLICT, "recovery points of " + p.id() + " changed during the transfer", p.id());
            }
            LayerStore.put(c, m.staging, Arrays.copyOf(m.blks, m.n), Arrays.copyOf(m.refs, m.n));
            Db.update(c, "UPDATE layers SET staging = 0 WHERE id = ?", m.staging);
            Volume v = vols.getIn(c, p.volumeId());
            String rpId = vols.ids().next(c, "rp");
            Db.update(c, "INSERT INTO snapshots(" + Snapshot.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?)",
                rpId, v.id(), "replica " + time, Snapshot.RECOVERY_POINT, m.staging, time, groupPoint, m.sourceSnapshot);
            long top = LayerStore.newLayer(c, m.staging, false);
            Db.update(c, "UPDATE volumes SET top = ? WHERE id = ?", top, v.id());
            LayerStore.collect(c, v.top());
            List<Snapshot> rps = Db.query(c, "SELECT " + Snapshot.COLUMNS + " FROM snapshots WHERE volume_id = ? AND kind = ?"
                + " ORDER BY rowid", Snapshot::of, v.id(), Snapshot.RECOVERY_POINT);
            for (int i = 0; i < rps.size() - Math.max(1, p.keep()); i++) {
                vols.deleteSnapshotIn(c, rps.get(i));
            }
            // the first sync after a reverse completed: the old source's pre-failover copy has served (REV-4)
            PairStore.releaseSnapshot(c, vols, p.id(), PairStore.PREFAILOVER);
            Db.update(c, "UPDATE pairs SET last_sync = ?, state = 'ok', last_error = NULL WHERE id = ?", Clock.now(), p.id());
            if (p.groupId() != null) {
                Db.update(c, "UPDATE groups SET last_sync = ?, state = 'ok', last_error = NULL WHERE id = ?", Clock.now(), p.groupId());
            }
        }
        return Json.obj("applied", true, "recoveryPoints", describe(c, members));
    }

    private List<Map<String, Object>> describe(Connection c, List<Member> members) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Member m : members) {
            Pair p = PairStore.get(c, m.pairId);
            Snapshot rp = latestRp(c, p.volumeId());
            out.add(Json.obj("pairId", p.id(), "id", rp.id(), "name", rp.name(), "time", rp.time(),
                "groupPointId", rp.groupPoint()));
        }
        return out;
    }
}
