package org.opensra.array.repl;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Ids;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Sync-now and job status, at either array: what belongs to the peer is forwarded to it. */
public final class SyncRequests {
    private final VolumeService vols;
    private final SyncEngine engine;
    private final PeerRegistry peers;

    public SyncRequests(VolumeService vols, SyncEngine engine, PeerRegistry peers) {
        this.vols = vols;
        this.engine = engine;
        this.peers = peers;
    }

    public Map<String, Object> sync(String id, boolean group) {
        record Target(String unit, Pair first) {
        }
        Target t = vols.db().tx(c -> {
            String unit = Units.unitOf(c, id, group);
            return new Target(unit, PairStore.unitMembers(c, unit).get(0));
        });
        if (Pair.TARGET.equals(t.first().role())) {
            PeerClient peer = peers.client(t.first().peerArray());
            JsonNode ans = peer.post("/api/v1/replication/sync", group ? Json.obj("groups", List.of(id))
                : Json.obj("volumes", List.of(id)), Duration.ofSeconds(30));
            JsonNode item = ans.path("items").path(0);
            if (!item.path("ok").asBoolean()) {
                JsonNode err = item.path("error");
                throw new ArrayException(code(err), "peer " + peer.peerId() + ": " + err.path("message").asText(),
                    Json.text(err, "object"));
            }
            return Json.obj("jobId", item.path("jobId").asText(), "alreadyRunning", item.path("alreadyRunning").asBoolean(),
                "state", item.path("state").asText(), "percent", item.path("percent").asInt(),
                "remainingSeconds", item.path("remainingSeconds").asLong());
        }
        if (Pair.PROMOTED.equals(t.first().role())) {
            throw ArrayException.wrongState(id, "replication of " + id + " is stopped: the replica was promoted"
                + " (reverse or restore first)");
        }
        SyncEngine.Started s = engine.start(t.unit());
        return Json.obj("jobId", s.job().id(), "alreadyRunning", s.alreadyRunning(), "state", s.job().state(),
            "percent", s.job().percent(), "remainingSeconds", s.job().remainingSeconds());
    }

    public Map<String, Object> job(String jobId) {
        String owner = Ids.ownerOf(jobId);
        if (owner == null || owner.equals(vols.ids().arrayId())) {
            return engine.status(jobId);
        }
        PeerClient peer;
        try {
            peer = peers.client(owner);
        } catch (ArrayException e) {
            throw ArrayException.notFound("job", jobId);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.MAPPER.convertValue(peer.get("/api/v1/jobs/" + jobId, Duration.ofSeconds(15)), Map.class);
        return m;
    }

    private static ErrorCode code(JsonNode err) {
        try {
            return ErrorCode.valueOf(err.path("code").asText("INTERNAL"));
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL;
        }
    }
}
