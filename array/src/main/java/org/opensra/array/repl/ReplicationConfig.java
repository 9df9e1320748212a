package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates replication pairs and consistency groups (source side) and their replicas (target side). */
public final class ReplicationConfig {
    public static final int DEFAULT_RPO = 300;
    public static final int DEFAULT_KEEP = 5;

    private final VolumeService vols;
    private final PeerRegistry peers;
    private final String arrayId;

    public ReplicationConfig(VolumeService vols, PeerRegistry peers) {
        this.vols = vols;
        this.peers = peers;
        this.arrayId = vols.ids().arrayId();
    }

    VolumeService vols() {
        return vols;
    }

    public String createPair(String volumeId, String peerId, int rpo, int keep) {
        return createPairIn(volumeId, peerId, rpo, keep, null, null);
    }

    private String createPairIn(String volumeId, String peerId, int rpo, int keep, String groupId, String groupName) {
        checkSettings(rpo, keep);
        PeerClient peer = peers.client(peerId);
        Volume v = vols.db().tx(c -> checkReplicable(c, volumeId));
        String pairId = vols.db().tx(c -> vols.ids().next(c, "pair"));
        JsonNode answer = peer.post("/internal/v1/replicas", Json.obj("pairId", pairId, "name", v.name(),
            "sizeBytes", v.size(), "kind", v.kind(), "sourceArray", arrayId, "sourceVolume", v.id(), "rpoSeconds", rpo,
            "keep", keep, "groupId", groupId, "groupName", groupName));
        String replicaId = answer.path("volumeId").asText();
        vols.db().tx(c -> {
            checkReplicable(c, volumeId);
            Db.update(c, "INSERT INTO pairs(" + Pair.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                pairId, v.name(), groupId, v.id(), peerId, replicaId, Pair.SOURCE, rpo, keep, "ok", null, null,
                null, null, null, 0L);
            PairStore.setAccess(c, v.id(), "read-write", Pair.SOURCE);
            return null;
        });
        return pairId;
    }

    Volume checkReplicable(Connection c, String volumeId) throws SQLException {
        Volume v = vols.getIn(c, volumeId);
        if (!"none".equals(v.role())) {
            throw new ArrayException(ErrorCode.CONFLICT, "volume " + volumeId + " is already " + v.role(), volumeId);
        }
        return v;
    }

    static void checkSettings(int rpo, int keep) {
        if (rpo < 0 || keep < 1 || keep > 1000) {
            throw ArrayException.badRequest("rpoSeconds must be >= 0 and keep between 1 and 1000");
        }
    }

    public String createGroup(String name, List<String> volumeIds, String peerId, int rpo, int keep) {
        if (name == null || name.isBlank() || volumeIds.isEmpty()) {
            throw ArrayException.badRequest("a consistency group needs a name and at least one volume");
        }
        checkSettings(rpo, keep);
        peers.client(peerId);
        String groupId = vols.db().tx(c -> {
            for (String id : volumeIds) {
                checkReplicable(c, id);
            }
            String id = vols.ids().next(c, "cg");
            Db.update(c, "INSERT INTO groups(" + Group.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?)",
                id, name, peerId, Pair.SOURCE, rpo, keep, "ok", null, null);
            return id;
        });
        for (String v : volumeIds) {
            createPairIn(v, peerId, rpo, keep, groupId, name);
        }
        return groupId;
    }

    /** Target side: creates the read-only replica volume and the pair (and group) records. */
    public Map<String, Object> createReplica(JsonNode req) {
        String pairId = Json.required(req, "pairId");
        String sourceArray = Json.required(req, "sourceArray");
        String sourceVolume = Json.required(req, "sourceVolume");
        String name = Json.required(req, "name");
        long size = req.path("sizeBytes").asLong();
        String kind = req.path("kind").asText("block");
        int rpo = req.path("rpoSeconds").asInt(DEFAULT_RPO);
        int keep = req.path("keep").asInt(DEFAULT_KEEP);
        String groupId = Json.text(req, "groupId");
        String groupName = Json.text(req, "groupName");
        return vols.db().tx(c -> createReplicaIn(c, pairId, sourceArray, sourceVolume, name, size, kind, rpo, keep,
            groupId, groupName));
    }

    /** Target side, many at once: every replica of the request in one transaction (idempotent by pair id). */
    public Map<String, Object> createReplicas(JsonNode req) {
        JsonNode items = req.path("replicas");
        if (!items.isArray() || items.isEmpty()) {
            throw ArrayException.badRequest("field 'replicas' must be a non-empty list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        vols.db().tx(c -> {
            Map<String, String> groupPoints = new java.util.HashMap<>();
            String now = Clock.now();
            for (JsonNode r : items) {
                String groupId = Json.text(r, "groupId");
                Map<String, Object> made = createReplicaIn(c, Json.required(r, "pairId"), Json.required(r, "sourceArray"),
                    Json.required(r, "sourceVolume"), Json.required(r, "name"), r.path("sizeBytes").asLong(),
                    r.path("kind").asText("block"), r.path("rpoSeconds").asInt(DEFAULT_RPO),
                    r.path("keep").asInt(DEFAULT_KEEP), groupId, Json.text(r, "groupName"));
                String emptyBase = Json.text(r, "emptySourceSnapshot");
                if (emptyBase != null && Boolean.TRUE.equals(made.get("created"))) {
                    String gp = groupId == null ? null : groupPoints.get(groupId);
                    if (groupId != null && gp == null) {
                        gp = vols.ids().next(c, "gp");
                        groupPoints.put(groupId, gp);
                    }
                    made.put("synced", emptyRecoveryPoint(c, (String) made.get("volumeId"), Json.required(r, "pairId"),
                        emptyBase, gp, now));
                }
                out.add(made);
            }
            for (String groupId : groupPoints.keySet()) {
                Db.update(c, "UPDATE groups SET last_sync = ? WHERE id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM pairs WHERE group_id = ? AND last_sync IS NULL)", now, groupId, groupId);
            }
            return null;
        });
        return Json.obj("replicas", out);
    }

    /**
     * The initial sync of a replica whose source held no data when paired (its source snapshot
     * {@code sourceSnapshot} is empty): the new, empty replica already equals it, so its top layer
     * becomes the first recovery point, as a transfer of no blocks would have made it.
     */
    private boolean emptyRecoveryPoint(Connection c, String volumeId, String pairId, String sourceSnapshot,
                                       String groupPoint, String now) throws SQLException {
        Volume v = vols.getIn(c, volumeId);
        if (org.opensra.array.store.LayerStore.allocatedBlocks(c, v.top()) != 0) {
            return false;
        }
        String rpId = vols.ids().next(c, "rp");
        Db.update(c, "INSERT INTO snapshots(" + org.opensra.array.core.Snapshot.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?)",
            rpId, v.id(), "replica " + now, org.opensra.array.core.Snapshot.RECOVERY_POINT, v.top(), now, groupPoint,
            sourceSnapshot);
        long top = org.opensra.array.store.LayerStore.newLayer(c, v.top(), false);
        Db.update(c, "UPDATE volumes SET top = ? WHERE id = ?", top, v.id());
        Db.update(c, "UPDATE pairs SET last_sync = ?, state = 'ok', last_error = NULL WHERE id = ?", now, pairId);
        return true;
    }

    private Map<String, Object> createReplicaIn(Connection c, String pairId, String sourceArray, String sourceVolume,
                                                String name, long size, String kind, int rpo, int keep, String groupId,
                                                String groupName) throws SQLException {
        Pair existing = PairStore.find(c, pairId);
        if (existing != null) {
            return Json.obj("volumeId", existing.volumeId(), "created", false);
        }
        if (groupId != null && PairStore.findGroup(c, groupId) == null) {
            Db.update(c, "INSERT INTO groups(" + Group.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?)",
                groupId, groupName == null ? groupId : groupName, sourceArray, Pair.TARGET, rpo, keep, "ok", null, null);
        }
        Volume replica = vols.insertVolume(c, name, size, kind, "read-only", Pair.TARGET, null, null, null);
        Db.update(c, "INSERT INTO pairs(" + Pair.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            pairId, name, groupId, replica.id(), sourceArray, sourceVolume, Pair.TARGET, rpo, keep, "ok", null, null,
            null, null, null, 0L);
        return Json.obj("volumeId", replica.id(), "created", true, "time", Clock.now());
    }

    public static List<String> nonEmpty(List<String> a) {
        return a == null ? new ArrayList<>() : a;
    }
}
