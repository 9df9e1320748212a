package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.daemon.Services;
import org.opensra.array.repl.Pair;
import org.opensra.array.repl.ReplicationBatch;
import org.opensra.array.repl.ReplicationQueries;
import org.opensra.array.store.Db;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Volumes, their data, snapshots and clones. */
public final class VolumeRoutes {
    private VolumeRoutes() {
    }

    public static void register(Router r, Services s) {
        VolumeService vols = s.volumes();
        r.post("/api/v1/volumes", q -> {
            JsonNode b = q.body();
            if (!b.path("sizeBytes").canConvertToLong() || b.path("sizeBytes").asLong() <= 0) {
                throw ArrayException.badRequest("sizeBytes must be a positive number");
            }
            Volume v = vols.create(Json.required(b, "name"), b.path("sizeBytes").asLong(), Json.text(b, "kind"));
            return Reply.created(vols.db().tx(c -> view(c, vols, v, false)));
        });
        r.post("/api/v1/volumes/batch", q -> Json.obj("items", vols.createMany(volumeSpecs(q.body()))));
        r.get("/api/v1/volumes", q -> vols.db().tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, List<Map<String, Object>>> maps = ReplicationQueries.mappingsByVolume(c);
            for (Volume v : Db.query(c, "SELECT " + Volume.COLUMNS + " FROM volumes ORDER BY rowid", Volume::of)) {
                Map<String, Object> m = view(c, vols, v, false);
                m.put("mappings", maps.getOrDefault(v.id(), List.of()));
                out.add(m);
            }
            return Json.obj("volumes", out);
        }));
        r.get("/api/v1/volumes/{id}", q -> vols.db().tx(c -> view(c, vols, vols.getIn(c, q.param("id")), true)));
        r.delete("/api/v1/volumes/{id}", q -> Json.obj("deleted", vols.delete(q.param("id"))));
        r.put("/api/v1/volumes/{id}/data", q -> {
            long n = vols.write(q.param("id"), q.queryLong("offset", 0), q.dataBody());
            return Json.obj("bytesWritten", n);
        });
        r.get("/api/v1/volumes/{id}/data", q -> {
            String id = q.param("id");
            long size = vols.sizeOf(id);
            long offset = q.queryLong("offset", 0);
            long length = q.queryLong("length", Math.max(0, size - offset));
            if (offset < 0 || length < 0 || offset + length > size) {
                throw ArrayException.badRequest("range " + offset + "+" + length + " outside " + id + " (size " + size + ")");
            }
            q.exchange().getResponseHeaders().set("Content-Type", "application/octet-stream");
            q.exchange().sendResponseHeaders(200, length == 0 ? -1 : length);
            try (OutputStream out = q.exchange().getResponseBody()) {
                vols.read(id, offset, length, out);
            }
            return Reply.NONE;
        });
        r.post("/api/v1/volumes/{id}/snapshots", q -> Reply.created(snapView(vols.snapshot(q.param("id"),
            Json.required(q.body(), "name")))));
        r.get("/api/v1/volumes/{id}/snapshots", q -> Json.obj("snapshots",
            vols.snapshots(q.param("id")).stream().map(VolumeRoutes::snapView).toList()));
        r.delete("/api/v1/snapshots/{id}", q -> Json.obj("deleted", vols.deleteSnapshot(q.param("id"))));
        r.post("/api/v1/clones", q -> {
            JsonNode b = q.body();
            Volume v = vols.cloneOf(Json.required(b, "source"), Json.required(b, "name"));
            return Reply.created(vols.db().tx(c -> view(c, vols, v, false)));
        });
        r.delete("/api/v1/clones/{id}", q -> Json.obj("deleted", vols.deleteClone(q.param("id"))));
    }

    /** {@code {"volumes":[{"name","sizeBytes","kind"}...]}}, at most {@link ReplicationBatch#MAX_ITEMS}. */
    static List<VolumeService.VolumeSpec> volumeSpecs(JsonNode body) {
        JsonNode list = body == null ? null : body.get("volumes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ArrayException.badRequest("field 'volumes' must be a non-empty list");
        }
        if (list.size() > ReplicationBatch.MAX_ITEMS) {
            throw ArrayException.badRequest("at most " + ReplicationBatch.MAX_ITEMS + " items per call, not " + list.size());
        }
        List<VolumeService.VolumeSpec> out = new ArrayList<>();
        for (JsonNode v : list) {
            JsonNode size = v.path("sizeBytes");
            out.add(new VolumeService.VolumeSpec(Json.text(v, "name"), size.canConvertToLong() ? size.asLong() : -1,
                Json.text(v, "kind")));
        }
        return out;
    }

    static Map<String, Object> snapView(Snapshot s) {
        return Json.obj("id", s.id(), "name", s.name(), "volumeId", s.volumeId(), "time", s.time(), "kind", s.kind(),
            "groupPointId", s.groupPoint());
    }

    static Map<String, Object> view(Connection c, VolumeService vols, Volume v, boolean details) throws SQLException {
        Pair p = Db.queryOne(c, "SELECT " + Pair.COLUMNS + " FROM pairs WHERE volume_id = ?", Pair::of, v.id());
        Map<String, Object> m = Json.obj("id", v.id(), "name", v.name(), "kind", v.kind(), "sizeBytes", v.size(),
            "usedBytes", details ? vols.usedBytes(v.id()) : null, "wwn", v.wwn(), "created", v.created(),
            "access", v.access(), "role", p != null ? p.role() : v.role(), "pairId", p == null ? null : p.id(),
            "groupId", p == null ? null : p.groupId(),
            "cloneOf", v.cloneOfVolume() == null ? null : Json.obj("volumeId", v.cloneOfVolume(), "recoveryPointId", v.cloneOfPoint()),
            "nfsExport", v.nfsExport(),
            "nfsClients", v.nfsClients() == null || v.nfsClients().isEmpty() ? List.of() : List.of(v.nfsClients().split(",")),
            "replication", p == null ? null : Json.obj("mode", "async", "rpoSeconds", p.rpo(), "keep", p.keep(),
                "peerArrayId", p.peerArray(), "peerVolumeId", p.peerVolume(), "state", p.state(), "lastSync", p.lastSync()));
        if (details) {
            m.put("mappings", ReplicationQueries.mappingsByVolume(c).getOrDefault(v.id(), List.of()));
            m.put("snapshots", vols.snapshotsIn(c, v.id()).size());
        }
        return m;
    }
}
