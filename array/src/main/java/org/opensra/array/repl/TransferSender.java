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
import java.nio.channels.WritableByteChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Source side of one transfer: freezes a crash-consistent point of every member in one
 * transaction, sends only the blocks changed since the last snapshot the target holds, and records
 * the new common point once the target has applied it.
 */
public final class TransferSender implements UnitTransfers {
    private record MemberPlan(Pair pair, Snapshot point, boolean full, String baseRp, TreeMap<Long, Long> blocks) {
        long wireBytes() {
            long withData = 0;
            for (long ref : blocks.values()) {
                if (ref != DataLog.ZERO) {
                    withData++;
                }
            }
            return TransferFormat.memberBytes(blocks.size(), withData);
        }
    }

    private record TargetState(String role, String latestRp, String latestPeerSnapshot) {
    }

    private final VolumeService vols;
    private final PeerRegistry peers;

    public TransferSender(VolumeService vols, PeerRegistry peers) {
        this.vols = vols;
        this.peers = peers;
    }

    @Override
    public void transfer(Job job, String unit) {
        List<Pair> members = vols.db().tx(c -> PairStore.unitMembers(c, unit));
        for (Pair p : members) {
            if (!p.sendingSide()) {
                throw ArrayException.wrongState(unit, "this array is not the replication source of " + unit
                    + " (role " + p.role() + ")");
            }
        }
        PeerClient peer = peers.client(members.get(0).peerArray());
        Map<String, TargetState> states = targetStates(peer, members);
        Map<String, Long> perMember = new HashMap<>();
        List<MemberPlan> plan;
        // the plan's refs are read until the last block is sent: compaction leaves them in place till then
        try (DataLog.Reading reading = vols.data().reading()) {
            List<MemberPlan> sending = vols.db().tx(c -> plan(c, job, unit, members, states));
            List<Map<String, Object>> headerMembers = new ArrayList<>();
            for (MemberPlan m : sending) {
                headerMembers.add(Json.obj("pairId", m.pair().id(), "full", m.full(), "baseRp", m.baseRp(),
                    "sourceSnapshot", m.point().id(), "count", m.blocks().size()));
            }
            Map<String, Object> header = Json.obj("jobId", job.id(), "unit", unit, "sourceArray", vols.ids().arrayId(),
                "time", sending.get(0).point().time(), "members", headerMembers);
            byte[] h = Json.bytes(header);
            long length = Integer.BYTES + h.length + Long.BYTES; // header length, header, END
            for (MemberPlan m : sending) {
                length += m.wireBytes();
            }
            job.beginTransfer(length);
            long total = length;
            List<String> pairIds = new ArrayList<>();
            for (MemberPlan m : sending) {
                pairIds.add(m.pair().id());
            }
            peer.transfer(pairIds, ch -> {
                ByteBuffer head = ByteBuffer.allocate(Integer.BYTES + h.length).putInt(h.length).put(h).flip();
                send(ch, head, job);
            }, ch -> {
                for (MemberPlan m : sending) {
                    long before = job.bytesSent();
                    writeMember(ch, m, job);
                    perMember.put(m.pair().id(), job.bytesSent() - before);
                }
                send(ch, ByteBuffer.allocate(Long.BYTES).putLong(TransferFormat.END).flip(), job);
                if (job.bytesSent() != total) {
                    throw new IllegalStateException("transfer of " + unit + " sent " + job.bytesSent() + " bytes, not " + total);
                }
            });
            plan = sending;
        }
        vols.db().tx(c -> {
            String now = Clock.now();
            for (MemberPlan m : plan) {
                Pair cur = PairStore.get(c, m.pair().id());
                if (cur.baseSnapshot() != null && !cur.baseSnapshot().equals(m.point().id())) {
                    Snapshot old = vols.findSnapshotIn(c, cur.baseSnapshot());
                    if (old != null && Snapshot.SYNC.equals(old.kind())) {
                        vols.deleteSnapshotIn(c, old);
                    }
                }
                // the first sync after a reverse completed: the pre-promote snapshot (a restore's way back) has served
                PairStore.releaseSnapshot(c, vols, m.pair().id(), PairStore.PREPROMOTE);
                Db.update(c, "UPDATE pairs SET base_snapshot = ?, last_sync = ?, last_error = NULL,"
                        + " state = CASE WHEN state IN ('ok','syncing','broken') THEN 'ok' ELSE state END,"
                        + " bytes_sent = bytes_sent + ? WHERE id = ?",
                    m.point().id(), now, perMember.getOrDefault(m.pair().id(), 0L), m.pair().id());
            }
            Db.update(c, "UPDATE groups SET last_sync = ?, last_error = NULL,"
                + " state = CASE WHEN state IN ('ok','syncing','broken') THEN 'ok' ELSE state END WHERE id = ?", now, unit);
            return null;
        });
    }

    private static Map<String, TargetState> targetStates(PeerClient peer, List<Pair> members) {
        List<String> ids = members.stream().map(Pair::id).toList();
        JsonNode st = peer.post("/internal/v1/replication/state", Json.obj("pairs", ids), Duration.ofSeconds(15));
        Map<String, TargetState> out = new HashMap<>();
        for (JsonNode n : st.path("pairs")) {
            out.put(n.path("id").asText(), new TargetState(n.path("role").asText(), Json.text(n, "latestRp"),
                Json.text(n, "latestPeerSnapshot")));
        }
        for (Pair p : members) {
            TargetState t = out.get(p.id());
            if (t == null) {
                throw new ArrayException(ErrorCode.NOT_FOUND, "peer " + peer.peerId() + " does not know pair " + p.id(), p.id());
            }
            if (!Pair.TARGET.equals(t.role())) {
                throw ArrayException.wrongState(p.id(), "the replica of " + p.id() + " at " + peer.peerId() + " is "
                    + t.role() + ": replication is suspended");
            }
        }
        return out;
    }

    private List<MemberPlan> plan(Connection c, Job job, String unit, List<Pair> members, Map<String, TargetState> states)
            throws SQLException {
        List<Snapshot> bases = new ArrayList<>();
        for (Pair p : members) {
            TargetState t = states.get(p.id());
            Snapshot base = t.latestPeerSnapshot() == null ? null : vols.findSnapshotIn(c, t.latestPeerSnapshot());
            if (base != null && !base.volumeId().equals(p.volumeId())) {
                base = null;
            }
            Db.update(c, "UPDATE pairs SET base_snapshot = ? WHERE id = ?", base == null ? null : base.id(), p.id());
            for (Snapshot s : vols.snapshotsIn(c, p.volumeId())) {
                if (Snapshot.SYNC.equals(s.kind()) && (base == null || !s.id().equals(base.id()))) {
                    vols.deleteSnapshotIn(c, s);
                }
            }
            bases.add(base);
        }
        // one transaction: every member's point is taken at the same instant (crash-consistent group)
        List<Snapshot> points = new ArrayList<>();
        for (Pair p : members) {
            Volume v = vols.getIn(c, p.volumeId());
            points.add(vols.freeze(c, v, "sync " + job.id(), Snapshot.SYNC, null, null));
        }
        List<MemberPlan> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Pair p = members.get(i);
            Snapshot base = bases.get(i);
            Snapshot point = points.get(i);
            TreeMap<Long, Long> changed = base == null ? null : LayerStore.changedSince(c, point.layer(), base.layer());
            boolean full = changed == null;
            if (full) {
                changed = LayerStore.allData(c, point.layer());
            }
            out.add(new MemberPlan(p, point, full, full ? null : states.get(p.id()).latestRp(), changed));
        }
        Db.update(c, "UPDATE pairs SET state = 'syncing' WHERE state IN ('ok','broken') AND (id = ? OR group_id = ?)", unit, unit);
        Db.update(c, "UPDATE groups SET state = 'syncing' WHERE state IN ('ok','broken') AND id = ?", unit);
        return out;
    }

    /** A member's batches, each written as read (one write of index and data), then the count-0 batch. */
    private void writeMember(WritableByteChannel ch, MemberPlan m, Job job) throws IOException {
        try (BlockReader reader = new BlockReader(vols.data(), m.blocks())) {
            for (BlockReader.Batch batch = reader.next(); batch != null; batch = reader.next()) {
                send(ch, batch.bytes(), job);
            }
        }
        send(ch, ByteBuffer.allocate(TransferFormat.COUNT), job);
    }

    private static void send(WritableByteChannel ch, ByteBuffer b, Job job) throws IOException {
        int n = b.remaining();
        TransferPort.writeAll(ch, b);
        job.sent(n);
    }

    @Override
    public void markBroken(String unit, ArrayException e) {
        vols.db().tx(c -> {
            Db.update(c, "UPDATE pairs SET state = CASE WHEN state IN ('ok','syncing','broken') THEN 'broken' ELSE state END,"
                + " last_error = ? WHERE id = ? OR group_id = ?", e.getMessage(), unit, unit);
            Db.update(c, "UPDATE groups SET state = CASE WHEN state IN ('ok','syncing','broken') THEN 'broken' ELSE state END,"
                + " last_error = ? WHERE id = ?", e.getMessage(), unit);
            return null;
        });
    }
}
