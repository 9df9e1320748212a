package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views: the whole replication listing in one pass, recovery points, health. */
public final class ReplicationQueries {
    private final VolumeService vols;
    private final SyncEngine sync;
    private final PeerRegistry peers;

    public ReplicationQueries(VolumeService vols, SyncEngine sync, PeerRegistry peers) {
        this.vols = vols;
        this.sync = sync;
        this.peers = peers;
    }

    private record Rp(String id, String name, String time, String groupPoint) {
    }

    /** Everything about replication on this array; a fixed number of queries whatever the count. */
    public Map<String, Object> listing(String onlyPair, String onlyGroup) {
        return vols.db().tx(c -> {
            Map<String, List<Map<String, Object>>> mappings = mappingsByVolume(c);
            Map<String, Rp> lastRp = new HashMap<>();
            for (Object[] r : Db.query(c, "SELECT volume_id, id, name, time, group_point FROM snapshots WHERE kind = ?"
                + " ORDER BY rowid", rs -> new Object[] {rs.getString(1), new Rp(rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5))}, Snapshot.RECOVERY_POINT)) {
                lastRp.put((String) r[0], (Rp) r[1]);
            }
            Map<String, Map<String, Object>> snapNames = new HashMap<>();
            for (Object[] r : Db.query(c, "SELECT id, name, volume_id FROM snapshots WHERE kind IN ('prefailover','prepromote')",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
                snapNames.put((String) r[0], Json.obj("id", r[0], "name", r[1], "volumeId", r[2]));
            }
            Map<String, List<Map<String, Object>>> clones = new HashMap<>();
            // the test clones (made by test-clones); an administrator's clones are no pair's business
            for (Object[] r : Db.query(c, "SELECT v.id, v.name, v.wwn, t.volume_id, v.clone_of_point FROM test_copies t"
                    + " JOIN volumes v ON v.id = t.clone_id ORDER BY v.rowid",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})) {
                clones.computeIfAbsent((String) r[3], k -> new ArrayList<>()).add(Json.obj("id", r[0], "name", r[1],
                    "wwn", r[2], "recoveryPointId", r[4], "mappings", mappings.getOrDefault((String) r[0], List.of())));
            }
            List<Map<String, Object>> pairs = new ArrayList<>();
            Map<String, List<Pair>> byGroup = new LinkedHashMap<>();
            String sql = "SELECT p.id, p.name, p.group_id, p.volume_id, p.peer_array, p.peer_volume, p.role, p.rpo, p.keep,"
                + " p.state, p.last_error, p.last_sync, p.base_snapshot, p.prefailover_snapshot, p.prepromote_snapshot,"
                + " p.bytes_sent, v.name, v.wwn, v.access, v.size, v.kind, v.nfs_export FROM pairs p JOIN volumes v"
                + " ON v.id = p.volume_id ORDER BY p.rowid";
            for (Object[] r : Db.query(c, sql, rs -> new Object[] {Pair.of(rs), Json.obj("id", rs.getString(4),
                "name", rs.getString(17), "wwn", rs.getString(18), "access", rs.getString(19), "sizeBytes", rs.getLong(20),
                "kind", rs.getString(21), "nfsExport", rs.getString(22))})) {
                Pair p = (Pair) r[0];
                if (p.groupId() != null) {
                    byGroup.computeIfAbsent(p.groupId(), k -> new ArrayList<>()).add(p);
                }
                if ((onlyPair != null && !onlyPair.equals(p.id())) || (onlyGroup != null)) {
                    continue;
                }
                Job running = sync.runningFor(p.unit());
                Rp rp = lastRp.get(p.volumeId());
                Map<String, Object> m = Json.obj("id", p.id(), "name", p.name(), "groupId", p.groupId(), "role", p.role(),
                    "localVolume", r[1], "peerArrayId", p.peerArray(), "peerVolumeId", p.peerVolume(),
                    "rpoSeconds", p.rpo(), "keep", p.keep(), "state", p.state(), "lastError", p.lastError(),
                    "lastSync", p.lastSync(), "bytesSent", p.bytesSent(),
                    "lastRecoveryPoint", rp == null ? null : Json.obj("id", rp.id(), "name", rp.name(), "time", rp.time()),
                    "mappings", mappings.getOrDefault(p.volumeId(), List.of()),
                    "clones", clones.getOrDefault(p.volumeId(), List.of()),
                    "prefailoverSnapshot", p.prefailoverSnapshot() == null ? null : snapNames.get(p.prefailoverSnapshot()),
                    "prepromoteSnapshot", p.prepromoteSnapshot() == null ? null : snapNames.get(p.prepromoteSnapshot()),
                    "runningJobId", running == null ? null : running.id());
                pairs.add(m);
            }
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Group g : PairStore.groups(c)) {
                if (onlyPair != null || (onlyGroup != null && !onlyGroup.equals(g.id()))) {
                    continue;
                }
                List<Pair> ms = byGroup.getOrDefault(g.id(), List.of());
                List<Map<String, Object>> gClones = new ArrayList<>();
                List<Map<String, Object>> pre = new ArrayList<>();
                List<Map<String, Object>> prom = new ArrayList<>();
                Rp rp = null;
                for (Pair p : ms) {
                    gClones.addAll(clones.getOrDefault(p.volumeId(), List.of()));
                    if (p.prefailoverSnapshot() != null && snapNames.get(p.prefailoverSnapshot()) != null) {
                        pre.add(snapNames.get(p.prefailoverSnapshot()));
                    }
                    if (p.prepromoteSnapshot() != null && snapNames.get(p.prepromoteSnapshot()) != null) {
                        prom.add(snapNames.get(p.prepromoteSnapshot()));
                    }
                    if (rp == null) {
                        rp = lastRp.get(p.volumeId());
                    }
                }
                Job running = sync.runningFor(g.id());
                groups.add(Json.obj("id", g.id(), "name", g.name(), "role", g.role(), "peerArrayId", g.peerArray(),
                    "pairIds", ms.stream().map(Pair::id).toList(), "volumeIds", ms.stream().map(Pair::volumeId).toList(),
                    "rpoSeconds", g.rpo(), "keep", g.keep(), "state", g.state(), "lastError", g.lastError(),
                    "lastSync", g.lastSync(),
                    "lastRecoveryPoint", rp == null ? null : Json.obj("id", rp.groupPoint() != null ? rp.groupPoint() : rp.id(),
                        "name", rp.name(), "time", rp.time()),
                    "clones", gClones, "prefailoverSnapshots", pre, "prepromoteSnapshots", prom,
                    "runningJobId", running == null ? null : running.id()));
            }
            if (onlyPair != null && pairs.isEmpty()) {
                throw ArrayException.notFound("replication pair", onlyPair);
            }
            if (onlyGroup != null && groups.isEmpty()) {
                throw ArrayException.notFound("consistency group", onlyGroup);
            }
            return Json.obj("arrayId", vols.ids().arrayId(), "pairs", pairs, "groups", groups);
        });
    }

    public static Map<String, List<Map<String, Object>>> mappingsByVolume(Connection c) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (Object[] r : Db.query(c, "SELECT m.volume_id, m.group_id, g.name, m.lun, m.target FROM mappings m"
            + " JOIN host_groups g ON g.id = m.group_id ORDER BY m.volume_id, m.lun", rs -> new Object[] {rs.getString(1),
                Json.obj("hostGroupId", rs.getString(2), "hostGroupName", rs.getString(3), "lun", rs.getInt(4),
                    "target", rs.getString(5))})) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) r[1];
            out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    /** Recovery points of a replica (or a group's points), newest first. */
    public Map<String, Object> recoveryPoints(String id, boolean group) {
        return vols.db().tx(c -> {
            List<Pair> members = Units.resolve(c, id, group, true);
            Pair first = members.get(0);
            if (first.sendingSide()) {
                throw ArrayException.wrongState(id, "recovery points are kept at the target array; " + first.volumeId()
                    + " is " + first.role());
            }
            List<Snapshot> rps = Db.query(c, "SELECT " + Snapshot.COLUMNS + " FROM snapshots WHERE volume_id = ? AND kind = ?"
                + " ORDER BY rowid DESC", Snapshot::of, first.volumeId(), Snapshot.RECOVERY_POINT);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Snapshot s : rps) {
                out.add(RoleOperations.pointView(s, group));
            }
            return Json.obj("recoveryPoints", out);
        });
    }

    public Map<String, Object> health() {
        Map<String, Object> listing = listing(null, null);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Object o : (List<?>) listing.get("pairs")) {
            Map<?, ?> p = (Map<?, ?>) o;
            pairs.add(Json.obj("id", p.get("id"), "role", p.get("role"), "state", p.get("state"), "lastSync", p.get("lastSync"),
                "lastError", p.get("lastError"), "bytesSent", p.get("bytesSent")));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Object o : (List<?>) listing.get("groups")) {
            Map<?, ?> g = (Map<?, ?>) o;
            groups.add(Json.obj("id", g.get("id"), "role", g.get("role"), "state", g.get("state"), "lastSync", g.get("lastSync"),
                "lastError", g.get("lastError")));
        }
        return Json.obj("peers", peers.describe(true), "pairs", pairs, "groups", groups);
    }
}
