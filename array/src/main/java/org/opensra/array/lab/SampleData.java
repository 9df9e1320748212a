package org.opensra.array.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.Json;
import org.opensra.array.cli.ApiClient;
import org.opensra.array.cli.CliException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.opensra.array.cli.ApiClient.enc;

/**
 * The lab's sample setup (first `up` only): peers linked both ways; at A standalone volumes, a file
 * volume and a consistency group of three replicated to B; at B two standalone volumes and groups of
 * three and two replicated to A (enough protection groups in both directions for parallel recovery plans); hosts with FC and iSCSI initiators in a host group that every source volume
 * is mapped to; an initial sync so that replicas exist at once.
 */
final class SampleData {
    static final long SIZE = 64L << 20;

    private SampleData() {
    }

    /** password: of the site's peer account, which the other site logs in with. */
    record Site(String arrayId, ApiClient api, String address, String password, String fingerprint) {
    }

    static void create(Site a, Site b) throws InterruptedException {
        link(a, b);
        link(b, a);
        List<String> jobsA = populate(a, b.arrayId(), List.of("vm-ds-01", "vm-ds-02", "rdm with blank"), "nfs-ds-01",
            Map.of("cg-a", List.of("cg-a db", "cg-a log", "cg-a app")), "esx-a-01", "esx-cluster-a", "10:00:00:00:c9:a0:00:0");
        List<String> jobsB = populate(b, a.arrayId(), List.of("vm-ds-b-01", "vm-ds-b-02"), null,
            new java.util.TreeMap<>(Map.of("cg-b", List.of("cg-b db", "cg-b log", "cg-b app"), "cg-b2", List.of("cg-b2 db", "cg-b2 log"))),
            "esx-b-01", "esx-cluster-b", "10:00:00:00:c9:b0:00:0");
        await(a.api(), jobsA);
        await(b.api(), jobsB);
    }

    /** Links from to its peer to with to's peer account, pinning to's certificate; idempotent. */
    static void link(Site from, Site to) {
        from.api().post("/api/v1/peers", Json.obj("id", to.arrayId(), "address", to.address(), "username", SiteProcess.PEER_USER,
            "password", to.password(), "fingerprint", to.fingerprint()));
    }

    private static List<String> populate(Site s, String peer, List<String> standalone, String fileVolume,
                                         Map<String, List<String>> groups, String host, String hostGroup, String wwpnPrefix) {
        ApiClient api = s.api();
        List<String> sources = new ArrayList<>();
        List<Map<String, Object>> units = new ArrayList<>();
        // every volume in one batch call, labelled, then the pairs and the groups in one batch call each
        List<String> names = new ArrayList<>(standalone);
        groups.values().forEach(names::addAll);
        List<Map<String, Object>> specs = new ArrayList<>();
        for (String name : names) {
            specs.add(Json.obj("name", name, "sizeBytes", SIZE, "kind", "block"));
        }
        if (fileVolume != null) {
            specs.add(Json.obj("name", fileVolume, "sizeBytes", SIZE, "kind", "file"));
        }
        Map<String, String> ids = new java.util.HashMap<>();
        for (JsonNode item : checked(api.post("/api/v1/volumes/batch", Json.obj("volumes", specs)), "create volume")) {
            String id = item.path("id").asText();
            ids.put(item.path("name").asText(), id);
            label(api, id, item.path("name").asText());
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (String name : standalone) {
            pairs.add(Json.obj("volume", ids.get(name), "peer", peer));
            sources.add(ids.get(name));
        }
        if (fileVolume != null) {
            pairs.add(Json.obj("volume", ids.get(fileVolume), "peer", peer));
        }
        checked(api.post("/api/v1/replication/pairs/batch", Json.obj("pairs", pairs)), "replicate volume");
        if (fileVolume != null) {
            api.post("/api/v1/nfs/export", Json.obj("volumes", List.of(ids.get(fileVolume)), "clients", List.of("127.0.0.1")));
        }
        List<String> groupIds = new ArrayList<>();
        List<Map<String, Object>> groupSpecs = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            List<String> members = new ArrayList<>();
            for (String name : group.getValue()) {
                members.add(ids.get(name));
            }
            groupSpecs.add(Json.obj("name", group.getKey(), "volumes", members, "peer", peer));
            sources.addAll(members);
        }
        if (!groupSpecs.isEmpty()) {
            for (JsonNode g : checked(api.post("/api/v1/replication/groups/batch", Json.obj("groups", groupSpecs)),
                "create consistency group")) {
                groupIds.add(g.path("id").asText());
            }
        }
        String suffix = s.arrayId().replace("array-", "");
        JsonNode h = api.post("/api/v1/hosts", Json.obj("name", host, "initiators", List.of(
            Json.obj("type", "FC", "id", wwpnPrefix + "1"),
            Json.obj("type", "iSCSI", "id", "iqn.1998-01.com.vmware:" + host + "-" + suffix))));
        JsonNode hg = api.post("/api/v1/host-groups", Json.obj("name", hostGroup, "hosts", List.of(h.path("id").asText())));
        api.post("/api/v1/mappings/map", Json.obj("volumes", sources, "hostGroup", hg.path("id").asText()));
        List<String> volumeIds = new ArrayList<>(standalone.size());
        JsonNode listing = api.get("/api/v1/replication");
        for (JsonNode p : listing.path("pairs")) {
            if ("source".equals(p.path("role").asText()) && p.path("groupId").isNull()) {
                volumeIds.add(p.path("localVolume").path("id").asText());
            }
        }
        units.add(Json.obj("volumes", volumeIds, "groups", groupIds));
        JsonNode ans = api.post("/api/v1/replication/sync", units.get(0));
        List<String> jobs = new ArrayList<>();
        for (JsonNode item : ans.path("items")) {
            if (!item.path("ok").asBoolean()) {
                throw new CliException("initial sync of " + item.path("object").asText() + " failed: "
                    + item.path("error").path("message").asText());
            }
            jobs.add(item.path("jobId").asText());
        }
        return jobs;
    }

    /** The items of a batch answer, failing with the first item's error. */
    private static JsonNode checked(JsonNode answer, String what) {
        for (JsonNode item : answer.path("items")) {
            if (!item.path("ok").asBoolean()) {
                throw new CliException(what + " failed: " + item.path("error").path("message").asText());
            }
        }
        return answer.path("items");
    }

    private static void label(ApiClient api, String id, String name) {
        byte[] label = ("OpenSRA lab volume '" + name + "'\n").getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = label[i % label.length];
        }
        api.put("/api/v1/volumes/" + enc(id) + "/data?offset=0", out -> out.write(block));
    }

    private static void await(ApiClient api, List<String> jobs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        for (String j : jobs) {
            while (true) {
                JsonNode st = api.get("/api/v1/jobs/" + enc(j));
                String state = st.path("state").asText();
                if ("complete".equals(state)) {
                    break;
                }
                if ("failed".equals(state)) {
                    throw new CliException("initial sync job " + j + " failed: " + st.path("error").path("message").asText());
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new CliException("initial sync job " + j + " did not finish in time");
                }
                Thread.sleep(100);
            }
        }
    }
}
