package org.opensra.driver.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Identity;
import org.opensra.spi.Initiator;
import org.opensra.spi.InitiatorGroup;
import org.opensra.spi.InitiatorType;
import org.opensra.spi.LinkState;
import org.opensra.spi.Protocol;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.StoragePort;
import org.opensra.spi.TestCopy;
import org.opensra.spi.VolumeAccess;

/**
 * Builds the SPI's {@link ArrayInventory} from the array's listings: {@code GET /array} (ports),
 * {@code GET /replication} (pairs and groups with their mappings and clones), recovery point times of
 * test clones, and {@code GET /host-groups} for the initiator-group identity form.
 */
final class InventoryReader {
    private final IdentityForm form;
    private final Identities identities;

    InventoryReader(IdentityForm form) {
        this.form = form;
        this.identities = new Identities(form);
    }

    /**
     * @param array the answer of GET /array
     * @param listing GET /replication
     * @param pointTimes recovery point id (or group point id) -> time, for the points test clones were made from
     * @param hostGroups the answer of GET /host-groups, when the identity form needs initiator groups
     */
    ArrayInventory read(JsonObject array, ReplicationListing listing, Map<String, RecoveryPoint> pointTimes,
                        Optional<JsonObject> hostGroups) {
        String arrayId = array.string("id");
        List<ReplicatedVolume> volumes = new ArrayList<>();
        for (JsonObject pair : listing.pairs()) {
            volumes.add(volume(pair, pointTimes));
        }
        List<ReplicatedGroup> groups = new ArrayList<>();
        for (JsonObject group : listing.groups()) {
            groups.add(group(group, listing, pointTimes));
        }
        return new ArrayInventory(arrayId, volumes, groups, ports(array), initiatorGroups(hostGroups));
    }

    private ReplicatedVolume volume(JsonObject pair, Map<String, RecoveryPoint> pointTimes) {
        JsonObject local = ReplicationListing.localVolume(pair);
        String id = local.string("id");
        String role = pair.string("role");
        Optional<JsonObject> clone = pair.objects("clones").stream().findFirst();
        Optional<TestCopy> copy = clone.map(c -> new TestCopy(c.string("id"),
                point(c.optString("recoveryPointId"), pair, pointTimes),
                identities.of(mappings(c), c.optString("wwn"), c.optString("nfsExport"))));
        return new ReplicatedVolume(id, local.optString("name"), role(role), access(role, local.optString("access")),
                pair.optString("peerArrayId").orElse(""), pair.optString("peerVolumeId").orElse(""),
                pair.optString("groupId"),
                identities.of(mappings(pair), local.optString("wwn"), local.optString("nfsExport")),
                link(pair), copy, "promoted".equals(role) ? Optional.of(id) : Optional.empty());
    }

    private ReplicatedGroup group(JsonObject group, ReplicationListing listing, Map<String, RecoveryPoint> pointTimes) {
        String id = group.string("id");
        String role = group.string("role");
        Optional<TestCopy> copy = group.objects("clones").stream().findFirst()
                .map(c -> new TestCopy(groupCopyId(id), point(c.optString("recoveryPointId"), group, pointTimes),
                        Optional.empty()));
        if (copy.isEmpty()) {
            // members may list their clones even when the group's own list is empty
            copy = group.strings("volumeIds").stream().map(listing::pairOfLocal).flatMap(Optional::stream)
                    .flatMap(p -> p.objects("clones").stream()).findFirst()
                    .map(c -> new TestCopy(groupCopyId(id),
                            point(c.optString("recoveryPointId"), group, pointTimes), Optional.empty()));
        }
        return new ReplicatedGroup(id, group.optString("name"), role(role), access(role, Optional.empty()),
                group.optString("peerArrayId").orElse(""), id, group.strings("volumeIds"), link(group), copy,
                "promoted".equals(role) ? Optional.of(id) : Optional.empty());
    }

    /** The id SRM gets for a group's test copy (the array has no object for the set of member clones). */
    static String groupCopyId(String groupId) {
        return groupId + ".test-copy";
    }

    private static RecoveryPoint point(Optional<String> rpId, JsonObject owner, Map<String, RecoveryPoint> pointTimes) {
        if (rpId.isPresent() && pointTimes.containsKey(rpId.get())) {
            return pointTimes.get(rpId.get());
        }
        Optional<JsonObject> last = owner.optObject("lastRecoveryPoint");
        if (last.isPresent() && rpId.isPresent() && last.get().optString("id").equals(rpId)) {
            return fromJson(last.get());
        }
        Instant time = Times.parse(owner.optString("lastSync")).orElse(Instant.EPOCH);
        return new RecoveryPoint(rpId.orElse(RecoveryPoint.LATEST), Optional.empty(), time, false);
    }

    static RecoveryPoint fromJson(JsonObject rp) {
        return new RecoveryPoint(rp.optString("groupPointId").orElse(rp.string("id")), rp.optString("name"),
                Times.parse(rp.optString("time")).orElse(Instant.EPOCH), false);
    }

    static List<Identities.Mapping> mappings(JsonObject owner) {
        List<Identities.Mapping> out = new ArrayList<>();
        for (JsonObject m : owner.objects("mappings")) {
            out.add(new Identities.Mapping(m.string("hostGroupId"), (int) m.longValue("lun"), m.optString("target")));
        }
        return out;
    }

    static ReplicationRole role(String role) {
        return switch (role) {
            case "source", "demoted" -> ReplicationRole.SOURCE;
            case "target", "promoted" -> ReplicationRole.TARGET;
            default -> throw new org.opensra.driver.embedded.json.JsonException("unknown replication role " + role);
        };
    }

    static VolumeAccess access(String role, Optional<String> access) {
        if (access.isPresent()) {
            return "read-only".equals(access.get()) ? VolumeAccess.READ_ONLY : VolumeAccess.READ_WRITE;
        }
        return "source".equals(role) || "promoted".equals(role) ? VolumeAccess.READ_WRITE : VolumeAccess.READ_ONLY;
    }

    static LinkState link(JsonObject pairOrGroup) {
        String state = pairOrGroup.optString("state").orElse("ok");
        return switch (state) {
            case "suspended" -> LinkState.STOPPED;
            case "broken" -> LinkState.BROKEN;
            default -> pairOrGroup.has("lastSync") || pairOrGroup.has("lastRecoveryPoint")
                    ? LinkState.ACTIVE : LinkState.INITIAL_SYNC;
        };
    }

    private List<StoragePort> ports(JsonObject array) {
        List<StoragePort> ports = new ArrayList<>();
        Optional<JsonObject> all = array.optObject("ports");
        if (all.isEmpty()) {
            return ports;
        }
        if (form == IdentityForm.NFS) {
            all.get().strings("nfs").forEach(ip -> ports.add(new StoragePort(ip, Protocol.NFS)));
        } else {
            all.get().strings("fc").forEach(wwpn -> ports.add(new StoragePort(wwpn, Protocol.FC)));
            all.get().strings("iscsi").forEach(iqn -> ports.add(new StoragePort(iqn, Protocol.ISCSI)));
        }
        return ports;
    }

    private static List<InitiatorGroup> initiatorGroups(Optional<JsonObject> hostGroups) {
        List<InitiatorGroup> out = new ArrayList<>();
        if (hostGroups.isEmpty()) {
            return out;
        }
        for (JsonObject group : hostGroups.get().objects("hostGroups")) {
            List<Initiator> initiators = new ArrayList<>();
            for (JsonObject i : group.objects("initiators")) {
                initiatorType(i.string("type")).ifPresent(t -> initiators.add(Initiator.of(t, i.string("id"))));
            }
            out.add(new InitiatorGroup(group.string("id"), initiators));
        }
        return out;
    }

    static Optional<InitiatorType> initiatorType(String wire) {
        for (InitiatorType t : InitiatorType.values()) {
            if (t.wireName().equalsIgnoreCase(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Recovery point ids test clones of this listing were made from, by the replica (or group) owning them. */
    static Map<String, Boolean> replicasWithClones(ReplicationListing listing) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (JsonObject pair : listing.pairs()) {
            if (!pair.objects("clones").isEmpty()) {
                out.put(ReplicationListing.localVolume(pair).string("id"), false);
            }
        }
        for (JsonObject group : listing.groups()) {
            if (!group.objects("clones").isEmpty()) {
                out.put(group.string("id"), true);
            }
        }
        return out;
    }

}
