package org.opensra.adapter.workflow;

import java.util.Optional;
import org.opensra.adapter.log.SraLog;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;

/**
 * Resolves the ids and keys of a request against the array's inventory and applies the rules every
 * command shares: unknown objects (1004/1005/1006), objects of the wrong kind or peer (1007), the
 * device-name filter (CONN-3, 1017, logged) and the consistency-group rule (DD-6: a device of a group
 * is acted on only with its group, 1018).
 */
final class Resolver {
    private final ArrayInventory inventory;
    private final DeviceFilter filter;
    private final SraLog log;
    private final Optional<String> peerArrayId;

    private final Optional<org.opensra.protocol.Message> unavailable;
    private final java.util.Map<String, ReplicatedVolume> volumes = new java.util.HashMap<>();
    private final java.util.Map<String, ReplicatedGroup> groups = new java.util.HashMap<>();

    Resolver(ArrayInventory inventory, DeviceFilter filter, SraLog log, Optional<String> peerArrayId) {
        this(inventory, filter, log, peerArrayId, Optional.empty());
    }

    private Resolver(ArrayInventory inventory, DeviceFilter filter, SraLog log, Optional<String> peerArrayId,
                     Optional<org.opensra.protocol.Message> unavailable) {
        this.unavailable = unavailable;
        this.inventory = inventory;
        // promoted ids first, so that a volume's own id wins over another volume's promoted id
        inventory.volumes().forEach(v -> v.promotedVolumeId().ifPresent(p -> volumes.put(p, v)));
        inventory.volumes().forEach(v -> volumes.put(v.id(), v));
        inventory.groups().forEach(g -> g.promotedGroupId().ifPresent(p -> groups.put(p, g)));
        inventory.groups().forEach(g -> groups.put(g.id(), g));
        this.filter = filter;
        this.log = log;
        this.peerArrayId = peerArrayId;
    }

    /**
     * Reads the array's inventory for a per-item command. When the array cannot be read (unreachable,
     * credentials refused, unknown array) every requested item resolves to that error, so the response
     * still answers each item (RESP-1) with the error naming the address or array.
     */
    static Resolver read(WorkflowContext ctx, String arrayId, Optional<String> peerArrayId) {
        try {
            return new Resolver(DriverCalls.inventory(ctx, arrayId), ctx.filter(), ctx.log(), peerArrayId);
        } catch (WorkflowException e) {
            ctx.log().error("Every requested item fails: " + e.getMessage());
            return new Resolver(new ArrayInventory(arrayId, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                    java.util.List.of()), ctx.filter(), ctx.log(), peerArrayId, Optional.of(e.error()));
        }
    }

    private Optional<ReplicatedVolume> volume(String idOrPromotedId) {
        return Optional.ofNullable(volumes.get(idOrPromotedId));
    }

    private Optional<ReplicatedGroup> group(String idOrPromotedId) {
        return Optional.ofNullable(groups.get(idOrPromotedId));
    }

    ArrayInventory inventory() {
        return inventory;
    }

    /** A standalone replica (TargetDevice key), promoted or not. */
    ItemResult<ReplicatedVolume> targetDevice(String key) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedVolume> found = volume(key);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownKey(key));
        }
        ReplicatedVolume volume = found.get();
        if (volume.isSource()) {
            return ItemResult.failure(Errors.wrongState(key, stateOf(volume)));
        }
        return standalone(key, volume);
    }

    /** A standalone source (SourceDevice id), demoted or not. */
    ItemResult<ReplicatedVolume> sourceDevice(String id) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedVolume> found = volume(id);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownDevice(id));
        }
        ReplicatedVolume volume = found.get();
        if (!volume.isSource()) {
            return ItemResult.failure(Errors.wrongState(id, stateOf(volume)));
        }
        return standalone(id, volume);
    }

    /** A standalone volume in any role, by id, key or promoted id (reverse and restore, REV-6, RES-5). */
    ItemResult<ReplicatedVolume> anyDevice(String id) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedVolume> found = volume(id);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownDevice(id));
        }
        return standalone(id, found.get());
    }

    /**
     * Any replicated volume for a read-only query (queryDeviceDetails): unknown id and the device-name
     * filter apply, the group rule does not (reading one member's properties acts on nothing).
     */
    ItemResult<ReplicatedVolume> deviceForQuery(String id) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedVolume> found = volume(id);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownDevice(id));
        }
        if (!filter.accepts(found.get().displayName())) {
            log.info("Device " + Names.one(id) + " (name " + Names.one(found.get().displayName())
                    + ") is excluded by the device-name filter " + filter.describe());
            return ItemResult.failure(Errors.excludedByFilter(id, filter.describe()));
        }
        return ItemResult.success(found.get());
    }

    /** A replica group (TargetGroup key), promoted or not. */
    ItemResult<ReplicatedGroup> targetGroup(String key) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedGroup> found = group(key);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownGroup(key));
        }
        if (found.get().isSource()) {
            return ItemResult.failure(Errors.wrongState(key, stateOf(found.get())));
        }
        return group(key, found.get());
    }

    /** A source group (ConsistencyGroup id), demoted or not. */
    ItemResult<ReplicatedGroup> sourceGroup(String id) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedGroup> found = group(id);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownGroup(id));
        }
        if (!found.get().isSource()) {
            return ItemResult.failure(Errors.wrongState(id, stateOf(found.get())));
        }
        return group(id, found.get());
    }

    /** A group in any role, by id, key or promoted id. */
    ItemResult<ReplicatedGroup> anyGroup(String id) {
        if (unavailable.isPresent()) {
            return ItemResult.failure(unavailable.get());
        }
        Optional<ReplicatedGroup> found = group(id);
        if (found.isEmpty()) {
            return ItemResult.failure(Errors.unknownGroup(id));
        }
        return group(id, found.get());
    }

    private ItemResult<ReplicatedVolume> standalone(String requested, ReplicatedVolume volume) {
        if (peerArrayId.isPresent() && !peerArrayId.get().equals(volume.peerArrayId())) {
            return ItemResult.failure(Errors.wrongState(requested, "replicated with array " + volume.peerArrayId()
                    + ", not " + peerArrayId.get()));
        }
        if (!filter.accepts(volume.displayName())) {
            log.info("Device " + Names.one(requested) + " (name " + Names.one(volume.displayName())
                    + ") is excluded by the device-name filter " + filter.describe());
            return ItemResult.failure(Errors.excludedByFilter(requested, filter.describe()));
        }
        if (volume.groupId().isPresent()) {
            log.info("Device " + Names.one(requested) + " belongs to consistency group "
                    + Names.one(volume.groupId().get()) + " and is not acted on alone");
            return ItemResult.failure(Errors.deviceInGroup(requested, volume.groupId().get()));
        }
        return ItemResult.success(volume);
    }

    private ItemResult<ReplicatedGroup> group(String requested, ReplicatedGroup group) {
        if (peerArrayId.isPresent() && !peerArrayId.get().equals(group.peerArrayId())) {
            return ItemResult.failure(Errors.wrongState(requested, "replicated with array " + group.peerArrayId()
                    + ", not " + peerArrayId.get()));
        }
        for (ReplicatedVolume member : inventory.members(group)) {
            if (!filter.accepts(member.displayName())) {
                log.info("Consistency group " + Names.one(requested) + " is excluded: its device "
                        + Names.one(member.id()) + " (name " + Names.one(member.displayName())
                        + ") does not match the device-name filter " + filter.describe());
                return ItemResult.failure(Errors.excludedByFilter(member.id(), filter.describe()));
            }
        }
        return ItemResult.success(group);
    }

    static String stateOf(ReplicatedVolume v) {
        if (v.isSource()) {
            return v.isDemotedSource() ? "demoted source (read-only)" : "replication source";
        }
        return v.isPromoted() ? "promoted target (read-write)" : "replication target";
    }

    static String stateOf(ReplicatedGroup g) {
        if (g.isSource()) {
            return g.access() == org.opensra.spi.VolumeAccess.READ_ONLY ? "demoted source group" : "source group";
        }
        return g.isPromoted() ? "promoted target group" : "target group";
    }
}
