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

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
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

    public Map<String, Object> apply(InputStream raw) throws IOException {
        // unbuffered: block data is read straight into the chunk it is appended from
        DataInputStream in = new DataInputStream(raw);
        int hlen = in.readInt();
        if (hlen <= 0 || hlen > (16 << 20)) {
            throw ArrayException.badRequest("bad transfer header length " + hlen);
        }
        JsonNode header = Json.MAPPER.readTree(in.readNBytes(hlen));
        List<Member> members = new ArrayList<>();
        for (JsonNode m : header.path("members")) {
            members.add(new Member(m));
        }
        String time = header.path("time").asText(Clock.now());
        boolean alreadyApplied = vols.db().tx(c -> prepare(c, members));
        try {
            receive(in, members, alreadyApplied);
            if (alreadyApplied) {
                return Json.obj("applied", false, "recoveryPoints", vols.db().tx(c -> describe(c, members)));
            }
            vols.data().force();
            return vols.db().tx(c -> commit(c, members, time));
        } catch (IOException | RuntimeException e) {
            vols.db().tx(c -> {
                for (Member m : members) {
                    if (m.staging >= 0) {
                        Db.update(c, "DELETE FROM blocks WHERE layer = ?", m.staging);
                        Db.update(c, "DELETE FROM layers WHERE id = ? AND staging = 1", m.staging);
                    }
                }
                return null;
            });
            throw e;
        }
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

    private void receive(DataInputStream in, List<Member> members, boolean discard) throws IOException {
        byte[] index = new byte[TransferFormat.BATCH_BLOCKS * TransferFormat.ENTRY];
        try (ChunkAppender appender = new ChunkAppender(vols.data())) {
            for (Member m : members) {
                while (true) {
                    int count = in.readInt();
                    if (count == 0) {
                        break;
                    }
                    if (count < 0 || count > TransferFormat.BATCH_BLOCKS) {
                        throw new IOException("bad batch size " + count);
                    }
                    in.readFully(index, 0, count * TransferFormat.ENTRY);
                    ByteBuffer entries = ByteBuffer.wrap(index, 0, count * TransferFormat.ENTRY);
                    for (int i = 0; i < count; i++) {
                        long blk = entries.getLong();
                        int len = entries.getInt();
                        if (len == 0) {
                            if (!discard) {
                                m.add(blk, DataLog.ZERO);
                            }
                        } else if (len != DataLog.BLOCK) {
                            throw new IOException("bad block length " + len);
                        } else if (discard) {
                            in.skipNBytes(DataLog.BLOCK);
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
     * Receives blocks straight into the chunk being filled and appends each full chunk on a second
     * thread, so that the disk write of one chunk overlaps the network read of the next. The refs of
     * a chunk's blocks are recorded in their members (on the receiving thread) once its append is done;
     * a received block of zeros is recorded as a zero block and takes no space.
     */
    private static final class ChunkAppender implements AutoCloseable {
        private final DataLog data;
        private final ExecutorService writer = Futures.helperThread("transfer-append");
        private ByteBuffer filling = ByteBuffer.allocate(CHUNK_BLOCKS * DataLog.BLOCK);
        private ByteBuffer spare = ByteBuffer.allocate(CHUNK_BLOCKS * DataLog.BLOCK);
        private final Member[] owners = new Member[CHUNK_BLOCKS];
        private final long[] blks = new long[CHUNK_BLOCKS];
        private final Member[] writingOwners = new Member[CHUNK_BLOCKS];
        private final long[] writingBlks = new long[CHUNK_BLOCKS];
        private int n;
        private int writingN;
        private Future<Long> writing;

        ChunkAppender(DataLog data) {
            this.data = data;
        }

        /** Reads the next block of {@code in} into the chunk. */
        void receive(DataInputStream in, Member m, long blk) throws IOException {
            int at = n * DataLog.BLOCK;
            in.readFully(filling.array(), at, DataLog.BLOCK);
            if (DataLog.isZero(filling.array(), at, DataLog.BLOCK)) {
                m.add(blk, DataLog.ZERO);
                return;
            }
            owners[n] = m;
            blks[n] = blk;
            n++;
            if (n == CHUNK_BLOCKS) {
                send();
            }
        }

        /** Appends what is left and waits until every block has its ref. */
        void finish() throws IOException {
            if (n > 0) {
                send();
            }
            await();
        }

        private void send() throws IOException {
            await();
            ByteBuffer chunk = filling;
            chunk.position(0).limit(n * DataLog.BLOCK);
            filling = spare;
            spare = chunk;
            filling.clear();
            System.arraycopy(owners, 0, writingOwners, 0, n);
            System.arraycopy(blks, 0, writingBlks, 0, n);
            writingN = n;
            n = 0;
            writing = writer.submit(() -> data.append(chunk));
        }

        private void await() throws IOException {
            if (writing == null) {
                return;
            }
            long first;
            try {
                first = Futures.await(writing, "appending received blocks");
            } finally {
                writing = null;
            }
            for (int i = 0; i < writingN; i++) {
                writingOwners[i].add(writingBlks[i], first + (long) i * DataLog.BLOCK);
            }
            writingN = 0;
        }

        @Override
        public void close() {
            writer.shutdownNow();
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
