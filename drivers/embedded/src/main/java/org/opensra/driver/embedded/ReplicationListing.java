package org.opensra.driver.embedded;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.driver.embedded.json.JsonObject;

/**
 * The answer of {@code GET /replication}: every pair and group of the array, indexed by the ids SRM
 * may send (local volume id, the peer's volume id, clone ids, group id).
 */
final class ReplicationListing {
    private final List<JsonObject> pairs;
    private final List<JsonObject> groups;
    private final Map<String, JsonObject> pairByVolume = new HashMap<>();
    private final Map<String, JsonObject> pairByPeerVolume = new HashMap<>();
    private final Map<String, JsonObject> cloneById = new HashMap<>();
    private final Map<String, JsonObject> groupById = new LinkedHashMap<>();

    ReplicationListing(JsonObject answer) {
        this.pairs = answer.objects("pairs");
        this.groups = answer.objects("groups");
        for (JsonObject pair : pairs) {
            pairByVolume.put(localVolume(pair).string("id"), pair);
            pair.optString("peerVolumeId").ifPresent(peer -> pairByPeerVolume.put(peer, pair));
            for (JsonObject clone : pair.objects("clones")) {
                cloneById.put(clone.string("id"), clone);
            }
        }
        for (JsonObject group : groups) {
            groupById.put(group.string("id"), group);
        }
    }

    List<JsonObject> pairs() {
        return pairs;
    }

    List<JsonObject> groups() {
        return groups;
    }

    static JsonObject localVolume(JsonObject pair) {
        return pair.object("localVolume");
    }

    /** The pair whose local volume has this id. */
    Optional<JsonObject> pairOfLocal(String volumeId) {
        return Optional.ofNullable(pairByVolume.get(volumeId));
    }

    /** The pair whose local volume, or whose peer volume, has this id. */
    Optional<JsonObject> pairOfAny(String volumeId) {
        return pairOfLocal(volumeId).or(() -> Optional.ofNullable(pairByPeerVolume.get(volumeId)));
    }

    Optional<JsonObject> clone(String cloneId) {
        return Optional.ofNullable(cloneById.get(cloneId));
    }

    Optional<JsonObject> group(String groupId) {
        return Optional.ofNullable(groupById.get(groupId));
    }

    /** The WWN of a local pair volume or a clone, when listed here. */
    Optional<String> wwn(String volumeId) {
        return pairOfLocal(volumeId).map(p -> localVolume(p).optString("wwn").orElse(null))
                .or(() -> clone(volumeId).flatMap(c -> c.optString("wwn")));
    }

    /** The replication settings of a pair or group as name/value pairs (RS-1). */
    static Map<String, String> settings(JsonObject pairOrGroup) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mode", pairOrGroup.optString("mode").orElse("async"));
        pairOrGroup.optLong("rpoSeconds").ifPresent(v -> values.put("rpoSeconds", Long.toString(v)));
        pairOrGroup.optLong("keep").ifPresent(v -> values.put("keep", Long.toString(v)));
        return values;
    }
}
