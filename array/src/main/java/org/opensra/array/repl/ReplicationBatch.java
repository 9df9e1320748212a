package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.store.Db;
import org.opensra.array.store.LayerStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates many pairs or consistency groups in one call (source side): the items are checked and
 * their ids taken in one transaction, the replicas made at each peer in one call per chunk (one
 * transaction there), and the pairs recorded here in one transaction. Each item gets its own result;
 * an item that fails (unknown volume, already replicated, unknown peer, peer refused) does not stop
 * the others. Kill-safe as the single form: a replica made at the peer whose pair was never recorded
 * here is the same leftover a killed single create leaves.
 */
public final class ReplicationBatch {
    /** Items one batch call may hold (the request body cap bounds it too). */
    public static final int MAX_ITEMS = 10_000;
    /** Replicas per call to a peer (keeps each internal request well under the body cap). */
    static final int PEER_CHUNK = 1000;

    private final ReplicationConfig config;
    private final PeerRegistry peers;
    private final String arrayId;

    public ReplicationBatch(ReplicationConfig config, PeerRegistry peers, String arrayId) {
        this.config = config;
        this.peers = peers;
        this.arrayId = arrayId;
    }

    /** One requested pair: a volume of this array, its peer, settings, and (for group members) its group. */
    record Spec(String volumeId, String peerId, int rpo, int keep, String groupId, String groupName) {
    }

    /** {@code {"pairs":[{"volume","peer","rpoSeconds","keep"}...]}} -> {@code {"items":[...]}} in request order. */
    public Map<String, Object> createPairs(JsonNode body) {
        JsonNode list = items(body, "pairs");
        List<Map<String, Object>> out = new ArrayList<>();
        List<Spec> specs = new ArrayList<>();
        for (JsonNode item : list) {
            Map<String, Object> result = Json.obj("volume", Json.text(item, "volume"));
            out.add(result);
            try {
                specs.add(new Spec(Json.required(item, "volume"), Json.required(item, "peer"),
                    item.path("rpoSeconds").asInt(ReplicationConfig.DEFAULT_RPO),
                    item.path("keep").asInt(ReplicationConfig.DEFAULT_KEEP), null, null));
            } catch (ArrayException e) {
                fail(result, e);
                specs.add(null);
            }
        }
        List<Map<String, Object>> made = pairs(specs);
        for (int i = 0; i < out.size(); i++) {
            if (specs.get(i) != null) {
                out.get(i).putAll(made.get(i));
            }
        }
        return Json.obj("items", out);
    }

    /** {@code {"groups":[{"name","volumes":[...],"peer","rpoSeconds","keep"}...]}} -> per-group items. */
    public Map<String, Object> createGroups(JsonNode body) {
        JsonNode list = items(body, "groups");
        List<Map<String, Object>> out = new ArrayList<>();
        List<List<Integer>> memberIndexes = new ArrayList<>();
        List<Spec> specs = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        config.vols().db().tx(c -> {
            for (JsonNode item : list) {
                Map<String, Object> result = Json.obj("name", Json.text(item, "name"));
                out.add(result);
                List<Integer> indexes = new ArrayList<>();
                memberIndexes.add(indexes);
                try {
                    String name = Json.required(item, "name");
                    List<String> members = Json.strings(item, "volumes");
                    String peer = Json.required(item, "peer");
                    int rpo = item.path("rpoSeconds").asInt(ReplicationConfig.DEFAULT_RPO);
                    int keep = item.path("keep").asInt(ReplicationConfig.DEFAULT_KEEP);
                    if (members.isEmpty()) {
                        throw ArrayException.badRequest("a consistency group needs a name and at least one volume");
                    }
                    ReplicationConfig.checkSettings(rpo, keep);
                    peers.client(peer);
                    for (String v : members) {
                        config.checkReplicable(c, v);
                        if (claimed.contains(v)) {
                            throw new ArrayException(ErrorCode.CONFLICT, "volume " + v + " is named twice in this batch", v);
                        }
                    }
                    claimed.addAll(members);
                    String id = config.vols().ids().next(c, "cg");
                    Db.update(c, "INSERT INTO groups(" + Group.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?)",
                        id, name, peer, Pair.SOURCE, rpo, keep, "ok", null, null);
                    result.put("id", id);
                    for (String v : members) {
                        indexes.add(specs.size());
                        specs.add(new Spec(v, peer, rpo, keep, id, name));
                    }
                } catch (ArrayException e) {
                    fail(result, e);
                }
            }
            return null;
        });
        List<Map<String, Object>> made = pairs(specs);
        for (int g = 0; g < out.size(); g++) {
            Map<String, Object> result = out.get(g);
            if (result.containsKey("ok")) {
                continue;
            }
            List<Object> pairIds = new ArrayList<>();
            List<Object> errors = new ArrayList<>();
            for (int i : memberIndexes.get(g)) {
                Map<String, Object> m = made.get(i);
                if (Boolean.TRUE.equals(m.get("ok"))) {
                    pairIds.add(m.get("id"));
                } else {
                    errors.add(m.get("error"));
                }
            }
            result.put("ok", errors.isEmpty());
            result.put("pairIds", pairIds);
            if (!errors.isEmpty()) {
                result.put("error", errors.get(0));
                result.put("memberErrors", errors);
            }
        }
        return Json.obj("items", out);
    }

    private static JsonNode items(JsonNode body, String field) {
        JsonNode list = body == null ? null : body.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ArrayException.badRequest("field '" + field + "' must be a non-empty list");
        }
        if (list.size() > MAX_ITEMS) {
            throw ArrayException.badRequest("at most " + MAX_ITEMS + " items per call, not " + list.size());
        }
        return list;
    }

    /** Creates the pairs of specs (null entries are skipped); one result per spec, in order. */
    private List<Map<String, Object>> pairs(List<Spec> specs) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        List<String> pairIds = new ArrayList<>();
        List<String> emptyBases = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        config.vols().db().tx(c -> {
            for (Spec s : specs) {
                Map<String, Object> r = Json.obj();
                results.add(r);
                volumes.add(null);
                pairIds.add(null);
                emptyBases.add(null);
                if (s == null) {
                    continue;
                }
                r.put("volume", s.volumeId());
                try {
                    ReplicationConfig.checkSettings(s.rpo(), s.keep());
                    peers.client(s.peerId());
                    Volume v = config.checkReplicable(c, s.volumeId());
                    if (!claimed.add(s.volumeId())) {
                        throw new ArrayException(ErrorCode.CONFLICT, "volume " + s.volumeId() + " is named twice in this batch",
                            s.volumeId());
                    }
                    volumes.set(volumes.size() - 1, v);
                    pairIds.set(pairIds.size() - 1, config.vols().ids().next(c, "pair"));
                    if (LayerStore.allocatedBlocks(c, v.top()) == 0) {
                        // no data yet: this empty point is the initial sync, made with the replica
                        emptyBases.set(emptyBases.size() - 1, config.vols().freeze(c, v, "sync initial (empty)",
                            Snapshot.SYNC, null, null).id());
                    }
                } catch (ArrayException e) {
                    fail(r, e);
                }
            }
            return null;
        });
        Map<String, List<Integer>> byPeer = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            if (pairIds.get(i) != null) {
                byPeer.computeIfAbsent(specs.get(i).peerId(), k -> new ArrayList<>()).add(i);
            }
        }
        String[] replicaIds = new String[specs.size()];
        boolean[] synced = new boolean[specs.size()];
        for (Map.Entry<String, List<Integer>> e : byPeer.entrySet()) {
            for (List<Integer> chunk : chunks(e.getValue(), specs)) {
                makeReplicas(e.getKey(), chunk, specs, volumes, pairIds, emptyBases, replicaIds, synced, results);
            }
        }
        config.vols().db().tx(c -> {
            String now = Clock.now();
            Set<String> groups = new HashSet<>();
            for (int i = 0; i < specs.size(); i++) {
                if (replicaIds[i] == null) {
                    dropEmptyBase(c, emptyBases.get(i));
                    continue;
                }
                Spec s = specs.get(i);
                Map<String, Object> r = results.get(i);
                try {
                    config.checkReplicable(c, s.volumeId());
                    String base = synced[i] ? emptyBases.get(i) : null;
                    Db.update(c, "INSERT INTO pairs(" + Pair.COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        pairIds.get(i), volumes.get(i).name(), s.groupId(), s.volumeId(), s.peerId(), replicaIds[i],
                        Pair.SOURCE, s.rpo(), s.keep(), "ok", null, base == null ? null : now, base, null, null, 0L);
                    PairStore.setAccess(c, s.volumeId(), "read-write", Pair.SOURCE);
                    if (base == null) {
                        dropEmptyBase(c, emptyBases.get(i));
                    }
                    if (s.groupId() != null) {
                        groups.add(s.groupId());
                    }
                    r.put("ok", true);
                    r.put("id", pairIds.get(i));
                    r.put("peerVolumeId", replicaIds[i]);
                    r.put("groupId", s.groupId());
                    r.put("initialSync", base == null ? "pending" : "done (no data)");
                } catch (ArrayException e) {
                    dropEmptyBase(c, emptyBases.get(i));
                    fail(r, e);
                }
            }
            for (String g : groups) {
                Db.update(c, "UPDATE groups SET last_sync = ? WHERE id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM pairs WHERE group_id = ? AND last_sync IS NULL)", now, g, g);
            }
            return null;
        });
        return results;
    }

    /** An empty initial point whose pair was not made (or whose replica was not made empty) goes away. */
    private void dropEmptyBase(java.sql.Connection c, String snapshotId) throws java.sql.SQLException {
        if (snapshotId != null) {
            Snapshot s = config.vols().findSnapshotIn(c, snapshotId);
            if (s != null) {
                config.vols().deleteSnapshotIn(c, s);
            }
        }
    }

    /** Chunks of about PEER_CHUNK items that never split a group (its members get one group point). */
    private static List<List<Integer>> chunks(List<Integer> all, List<Spec> specs) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        String curGroup = null;
        for (int i : all) {
            String g = specs.get(i).groupId();
            boolean sameGroup = g != null && g.equals(curGroup);
            if (cur.size() >= PEER_CHUNK && !sameGroup) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(i);
            curGroup = g;
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private void makeReplicas(String peerId, List<Integer> chunk, List<Spec> specs, List<Volume> volumes,
                              List<String> pairIds, List<String> emptyBases, String[] replicaIds, boolean[] synced,
                              List<Map<String, Object>> results) {
        List<Map<String, Object>> replicas = new ArrayList<>();
        for (int i : chunk) {
            Spec s = specs.get(i);
            Volume v = volumes.get(i);
            replicas.add(Json.obj("pairId", pairIds.get(i), "name", v.name(), "sizeBytes", v.size(), "kind", v.kind(),
                "sourceArray", arrayId, "sourceVolume", v.id(), "rpoSeconds", s.rpo(), "keep", s.keep(),
                "groupId", s.groupId(), "groupName", s.groupName(), "emptySourceSnapshot", emptyBases.get(i)));
        }
        try {
            JsonNode answer = peers.client(peerId).post("/internal/v1/replicas/batch", Json.obj("replicas", replicas));
            JsonNode made = answer.path("replicas");
            if (!made.isArray() || made.size() != chunk.size()) {
                throw new ArrayException(ErrorCode.INTERNAL, "peer " + peerId + " answered " + made.size()
                    + " replicas for " + chunk.size(), peerId);
            }
            for (int k = 0; k < chunk.size(); k++) {
                String id = Json.text(made.get(k), "volumeId");
                if (id == null || id.isEmpty()) {
                    fail(results.get(chunk.get(k)), new ArrayException(ErrorCode.INTERNAL, "peer " + peerId
                        + " gave no replica volume", specs.get(chunk.get(k)).volumeId()));
                } else {
                    replicaIds[chunk.get(k)] = id;
                    synced[chunk.get(k)] = made.get(k).path("synced").asBoolean(false);
                }
            }
        } catch (ArrayException e) {
            for (int i : chunk) {
                fail(results.get(i), e);
            }
        }
    }

    private static void fail(Map<String, Object> result, ArrayException e) {
        result.put("ok", false);
        result.put("error", Json.error(e));
    }
}
