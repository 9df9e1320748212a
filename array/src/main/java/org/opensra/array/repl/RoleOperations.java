package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;
import org.opensra.array.store.LayerStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demote, promote, reverse and restore of a pair or a group, each idempotent. Reverse and restore
 * are coordinated by the side holding the promoted volumes; asked at the other side, they are
 * forwarded to it.
 */
public final class RoleOperations {
    private final VolumeService vols;
    private final PeerRegistry peers;
    private final TransferReceiver receiver;

    public RoleOperations(VolumeService vols, PeerRegistry peers, TransferReceiver receiver) {
        this.vols = vols;
        this.peers = peers;
        this.receiver = receiver;
    }

    // ------------------------------------------------------------------ demote

    public Map<String, Object> demote(String id, boolean group) {
        return vols.db().tx(c -> {
            List<Pair> members = Units.resolve(c, id, group, false);
            boolean changed = false;
            List<Map<String, Object>> snaps = new ArrayList<>();
            for (Pair p : members) {
                if (Pair.SOURCE.equals(p.role())) {
                    Volume v = vols.getIn(c, p.volumeId());
                    Snapshot s = vols.freeze(c, v, "prefailover " + v.name() + " " + Clock.now(), Snapshot.PREFAILOVER, null, null);
                    PairStore.setAccess(c, v.id(), "read-only", Pair.DEMOTED);
                    PairStore.setRole(c, p, Pair.DEMOTED, "suspended");
                    Db.update(c, "UPDATE pairs SET prefailover_snapshot = ? WHERE id = ?", s.id(), p.id());
                    changed = true;
                } else if (!Pair.DEMOTED.equals(p.role())) {
                    throw ArrayException.wrongState(id, "cannot demote " + p.volumeId() + ": it is " + p.role() + ", not a source");
                }
            }
            for (Pair p : members) {
                Pair now = PairStore.get(c, p.id());
                Snapshot s = now.prefailoverSnapshot() == null ? null : vols.findSnapshotIn(c, now.prefailoverSnapshot());
                if (s != null) {
                    snaps.add(Json.obj("id", s.id(), "name", s.name(), "volumeId", s.volumeId()));
                }
            }
            return Json.obj("noop", !changed, "snapshots", snaps);
        });
    }

    // ------------------------------------------------------------------ promote

    public Map<String, Object> promote(String id, boolean group, String recoveryPoint) {
        return vols.db().tx(c -> {
            List<Pair> members = Units.resolve(c, id, group, false);
            List<Pair> toPromote = new ArrayList<>();
            for (Pair p : members) {
                if (Pair.TARGET.equals(p.role())) {
                    toPromote.add(p);
                }
            }
            TestClones.refuseWhileTested(c, toPromote, id, "promote");
            boolean changed = false;
            Snapshot usedPoint = null;
            for (Pair p : members) {
                if (Pair.TARGET.equals(p.role())) {
                    Snapshot latest = receiver.latestRp(c, p.volumeId());
                    if (latest == null) {
                        throw ArrayException.wrongState(id, "no replica of " + p.volumeId() + " yet (initial sync not done)");
                    }
                    Snapshot chosen = chooseRp(c, p, recoveryPoint, latest, id);
                    Volume v = vols.getIn(c, p.volumeId());
                    // the pre-promote snapshot remembers (in peer_snapshot) the recovery point promoted to
                    Snapshot pre = vols.freeze(c, v, "prepromote " + v.name() + " " + Clock.now(), Snapshot.PREPROMOTE,
                        null, chosen.id());
                    if (!chosen.id().equals(latest.id())) {
                        rollTo(c, v.id(), chosen.layer());
                    }
                    PairStore.setAccess(c, v.id(), "read-write", Pair.PROMOTED);
                    PairStore.setRole(c, p, Pair.PROMOTED, "suspended");
                    Db.update(c, "UPDATE pairs SET prepromote_snapshot = ? WHERE id = ?", pre.id(), p.id());
                    changed = true;
                    usedPoint = chosen;
                } else if (!Pair.PROMOTED.equals(p.role())) {
                    throw ArrayException.wrongState(id, "cannot promote " + p.volumeId() + ": it is " + p.role() + ", not a replica");
                }
            }
            List<Map<String, Object>> volumes = new ArrayList<>();
            List<Map<String, Object>> snaps = new ArrayList<>();
            for (Pair p : members) {
                Volume v = vols.getIn(c, p.volumeId());
                volumes.add(Json.obj("id", v.id(), "name", v.name(), "access", v.access(), "wwn", v.wwn()));
                Pair now = PairStore.get(c, p.id());
                Snapshot pre = now.prepromoteSnapshot() == null ? null : vols.findSnapshotIn(c, now.prepromoteSnapshot());
                if (pre != null) {
                    snaps.add(Json.obj("id", pre.id(), "name", pre.name(), "volumeId", pre.volumeId()));
                    if (usedPoint == null && pre.peerSnapshot() != null) {
                        usedPoint = vols.findSnapshotIn(c, pre.peerSnapshot());
                    }
                }
            }
            if (usedPoint == null) {
                usedPoint = receiver.latestRp(c, members.get(0).volumeId());
            }
            return Json.obj("noop", !changed, "volumes", volumes, "snapshots", snaps,
                "recoveryPoint", usedPoint == null ? null : pointView(usedPoint, group));
        });
    }

    static Map<String, Object> pointView(Snapshot rp, boolean group) {
        return Json.obj("id", group && rp.groupPoint() != null ? rp.groupPoint() : rp.id(), "name", rp.name(), "time", rp.time());
    }

    /** The recovery point of pair p named by id (an RP id or a group point id), or latest when null. */
    Snapshot chooseRp(Connection c, Pair p, String rpId, Snapshot latest, String item) throws SQLException {
        if (rpId == null || rpId.isEmpty() || "latest".equals(rpId)) {
            return latest;
        }
        Snapshot s = Db.queryOne(c, "SELECT " + Snapshot.COLUMNS + " FROM snapshots WHERE volume_id = ? AND kind = ?"
            + " AND (id = ? OR group_point = ?)", Snapshot::of, p.volumeId(), Snapshot.RECOVERY_POINT, rpId, rpId);
        if (s == null) {
            throw new ArrayException(ErrorCode.NOT_FOUND, "unknown recovery point " + rpId + " of " + item, rpId);
        }
        return s;
    }

    /** Points the volume at a new empty top over layer (its current top is discarded). */
    private void rollTo(Connection c, String volumeId, long layer) throws SQLException {
        Volume v = vols.getIn(c, volumeId);
        long top = LayerStore.newLayer(c, layer, false);
        Db.update(c, "UPDATE volumes SET top = ? WHERE id = ?", top, v.id());
        LayerStore.collect(c, v.top());
    }

    // ------------------------------------------------------------------ reverse

    public Map<String, Object> reverse(String id, boolean group) {
        List<Pair> members = vols.db().tx(c -> Units.resolve(c, id, group, false));
        boolean localPromoted = members.stream().anyMatch(p -> Pair.PROMOTED.equals(p.role()));
        if (!localPromoted) {
            PeerClient peer = peers.client(members.get(0).peerArray());
            Map<String, String> peerRoles = peerRoles(peer, members);
            if (peerRoles.containsValue(Pair.PROMOTED)) {
                return forward(peer, "/api/v1/replication/reverse", id, group);
            }
            return Json.obj("noop", true, "sourceArrayId", members.get(0).sendingSide() ? vols.ids().arrayId()
                : members.get(0).peerArray(), "volumes", volumeRoles(members));
        }
        PeerClient peer = peers.client(members.get(0).peerArray());
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, Snapshot> bases = new HashMap<>();
        vols.db().tx(c -> {
            TestClones.refuseWhileTested(c, members, id, "reverse");
            for (Pair p : members) {
                if (Pair.PROMOTED.equals(p.role())) {
                    Snapshot latest = receiver.latestRp(c, p.volumeId());
                    bases.put(p.id(), latest);
                    entries.add(Json.obj("pairId", p.id(), "rollbackTo", latest == null ? null : latest.peerSnapshot(),
                        "peerRp", latest == null ? null : latest.id()));
                }
            }
            return null;
        });
        peer.post("/internal/v1/replication/become-target", Json.obj("pairs", entries));
        vols.db().tx(c -> {
            for (Pair p : members) {
                Pair cur = PairStore.get(c, p.id());
                if (!Pair.PROMOTED.equals(cur.role())) {
                    continue;
                }
                Snapshot base = bases.get(p.id());
                for (Snapshot s : vols.snapshotsIn(c, p.volumeId())) {
                    if (Snapshot.RECOVERY_POINT.equals(s.kind()) && (base == null || !s.id().equals(base.id()))) {
                        vols.deleteSnapshotIn(c, s);
                    }
                }
                if (base != null) {
                    Db.update(c, "UPDATE snapshots SET kind = ?, name = ? WHERE id = ?", Snapshot.SYNC, "reverse base", base.id());
                }
                PairStore.setAccess(c, p.volumeId(), "read-write", Pair.SOURCE);
                PairStore.setRole(c, cur, Pair.SOURCE, "ok");
                Db.update(c, "UPDATE pairs SET base_snapshot = ? WHERE id = ?", base == null ? null : base.id(), p.id());
            }
            return null;
        });
        List<Pair> now = vols.db().tx(c -> Units.resolve(c, id, group, false));
        return Json.obj("noop", false, "sourceArrayId", vols.ids().arrayId(), "volumes", volumeRoles(now));
    }

    /** Internal, at the old source: roll back to the last common snapshot and become a read-only target. */
    public Map<String, Object> becomeTarget(JsonNode req) {
        return vols.db().tx(c -> {
            int changed = 0;
            for (JsonNode e : req.path("pairs")) {
                Pair p = PairStore.get(c, e.path("pairId").asText());
                if (Pair.TARGET.equals(p.role())) {
                    continue;
                }
                TestClones.refuseWhileTested(c, List.of(p), p.volumeId(), "reverse");
                if (Pair.PROMOTED.equals(p.role())) {
                    throw ArrayException.wrongState(p.id(), "both sides of " + p.id() + " are promoted");
                }
                Volume v = vols.getIn(c, p.volumeId());
                String rollbackTo = Json.text(e, "rollbackTo");
                Snapshot common = rollbackTo == null ? null : vols.findSnapshotIn(c, rollbackTo);
                if (common != null && common.volumeId().equals(v.id())) {
                    rollTo(c, v.id(), common.layer());
                    Db.update(c, "UPDATE snapshots SET kind = ?, name = ?, peer_snapshot = ?, time = ? WHERE id = ?",
                        Snapshot.RECOVERY_POINT, "reverse base", Json.text(e, "peerRp"), Clock.now(), common.id());
                } else {
                    // no common snapshot left: keep the current data as the base; the next sync is a full copy
                    vols.freeze(c, v, "reverse base", Snapshot.RECOVERY_POINT, null, null);
                    common = null;
                }
                for (Snapshot s : vols.snapshotsIn(c, v.id())) {
                    if (Snapshot.SYNC.equals(s.kind())) {
                        vols.deleteSnapshotIn(c, s);
                    }
                }
                PairStore.setAccess(c, v.id(), "read-only", Pair.TARGET);
                PairStore.setRole(c, p, Pair.TARGET, "ok");
                Db.update(c, "UPDATE pairs SET base_snapshot = NULL WHERE id = ?", p.id());
                changed++;
            }
            return Json.obj("changed", changed);
        });
    }

    // ------------------------------------------------------------------ restore

    public Map<String, Object> restore(String id, boolean group) {
        List<Pair> members = vols.db().tx(c -> Units.resolve(c, id, group, false));
        PeerClient peer = peers.client(members.get(0).peerArray());
        boolean localPromoted = members.stream().anyMatch(p -> Pair.PROMOTED.equals(p.role()));
        if (localPromoted) {
            peerRoles(peer, members); // fails now, before any change, when the peer is unreachable
            vols.db().tx(c -> {
                for (Pair p : members) {
                    if (!Pair.PROMOTED.equals(p.role())) {
                        continue;
                    }
                    Snapshot latest = receiver.latestRp(c, p.volumeId());
                    rollTo(c, p.volumeId(), latest.layer());
                    Pair cur = PairStore.get(c, p.id());
                    PairStore.releaseSnapshot(c, vols, p.id(), PairStore.PREPROMOTE);
                    PairStore.setAccess(c, p.volumeId(), "read-only", Pair.TARGET);
                    PairStore.setRole(c, cur, Pair.TARGET, "ok");
                }
                return null;
            });
            peer.post("/internal/v1/replication/become-source", Json.obj("pairs", ids(members)));
            return Json.obj("noop", false, "volumes", volumeRoles(vols.db().tx(c -> Units.resolve(c, id, group, false))));
        }
        Map<String, String> peerRoles = peerRoles(peer, members);
        if (peerRoles.containsValue(Pair.PROMOTED)) {
            return forward(peer, "/api/v1/replication/restore", id, group);
        }
        if (members.stream().anyMatch(p -> Pair.DEMOTED.equals(p.role()))) {
            becomeSource(Json.MAPPER.valueToTree(Json.obj("pairs", ids(members))));
            return Json.obj("noop", false, "volumes", volumeRoles(vols.db().tx(c -> Units.resolve(c, id, group, false))));
        }
        if (peerRoles.containsValue(Pair.DEMOTED)) {
            peer.post("/internal/v1/replication/become-source", Json.obj("pairs", ids(members)));
            return Json.obj("noop", false, "volumes", volumeRoles(members));
        }
        return Json.obj("noop", true, "volumes", volumeRoles(members));
    }

    /** Internal, at the original source: writable source again (its data is kept). */
    public Map<String, Object> becomeSource(JsonNode req) {
        return vols.db().tx(c -> {
            int changed = 0;
            for (JsonNode e : req.path("pairs")) {
                Pair p = PairStore.get(c, e.asText());
                if (Pair.SOURCE.equals(p.role())) {
                    continue;
                }
                if (!Pair.DEMOTED.equals(p.role())) {
                    throw ArrayException.wrongState(p.id(), "cannot restore " + p.volumeId() + " as source: it is " + p.role());
                }
                PairStore.setAccess(c, p.volumeId(), "read-write", Pair.SOURCE);
                PairStore.setRole(c, p, Pair.SOURCE, "ok");
                PairStore.releaseSnapshot(c, vols, p.id(), PairStore.PREFAILOVER);
                changed++;
            }
            return Json.obj("changed", changed);
        });
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> ids(List<Pair> members) {
        return members.stream().map(Pair::id).toList();
    }

    private List<Map<String, Object>> volumeRoles(List<Pair> members) {
        return vols.db().tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Pair p : members) {
                Pair now = PairStore.get(c, p.id());
                Volume v = vols.getIn(c, now.volumeId());
                out.add(Json.obj("id", v.id(), "name", v.name(), "role", now.role(), "access", v.access()));
            }
            return out;
        });
    }

    private static Map<String, String> peerRoles(PeerClient peer, List<Pair> members) {
        JsonNode st = peer.post("/internal/v1/replication/state", Json.obj("pairs", ids(members)), Duration.ofSeconds(15));
        Map<String, String> roles = new HashMap<>();
        for (JsonNode n : st.path("pairs")) {
            roles.put(n.path("id").asText(), n.path("role").asText());
        }
        return roles;
    }

    private static Map<String, Object> forward(PeerClient peer, String path, String id, boolean group) {
        JsonNode ans = peer.post(path, group ? Json.obj("groups", List.of(id)) : Json.obj("volumes", List.of(id)));
        JsonNode item = ans.path("items").path(0);
        if (!item.path("ok").asBoolean()) {
            JsonNode err = item.path("error");
            ErrorCode code;
            try {
                code = ErrorCode.valueOf(err.path("code").asText("INTERNAL"));
            } catch (IllegalArgumentException e) {
                code = ErrorCode.INTERNAL;
            }
            throw new ArrayException(code, "peer " + peer.peerId() + ": " + err.path("message").asText(), Json.text(err, "object"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.MAPPER.convertValue(item, Map.class);
        m.remove("object");
        m.remove("kind");
        m.remove("ok");
        return m;
    }
}
