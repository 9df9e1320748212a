package org.opensra.spi;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything replicated on one array, read in one call ({@link ArrayDriver#inventory}): volumes and
 * groups with their roles and states, plus the storage ports and initiator groups the identities
 * refer to. A consistent snapshot of the array at one moment; workflows resolve request ids against it.
 *
 * <p>Immutable; the lookups by id ({@link #volume}, {@link #group}, {@link #members}) use indexes built
 * once here, so a workflow resolving every device of a 10,000-device array does not scan the lists
 * (a scan per lookup, and a fresh volume map per {@link #members} call, made discoverDevices quadratic).
 */
public final class ArrayInventory {
    private final String arrayId;
    private final List<ReplicatedVolume> volumes;
    private final List<ReplicatedGroup> groups;
    private final List<StoragePort> storagePorts;
    private final List<InitiatorGroup> initiatorGroups;
    private final Map<String, ReplicatedVolume> volumesById;
    private final Map<String, ReplicatedGroup> groupsById;
    private final Map<String, ReplicatedVolume> volumesByPromotedId;
    private final Map<String, ReplicatedGroup> groupsByPromotedId;

    public ArrayInventory(String arrayId, List<ReplicatedVolume> volumes, List<ReplicatedGroup> groups,
                          List<StoragePort> storagePorts, List<InitiatorGroup> initiatorGroups) {
        this.arrayId = Objects.requireNonNull(arrayId, "arrayId");
        this.volumes = List.copyOf(volumes);
        this.groups = List.copyOf(groups);
        this.storagePorts = List.copyOf(storagePorts);
        this.initiatorGroups = List.copyOf(initiatorGroups);
        Map<String, ReplicatedVolume> byId = new LinkedHashMap<>();
        Map<String, ReplicatedVolume> byPromoted = new HashMap<>();
        for (ReplicatedVolume v : this.volumes) {
            byId.putIfAbsent(v.id(), v);
            if (v.promotedVolumeId().isPresent()) {
                byPromoted.putIfAbsent(v.promotedVolumeId().get(), v);
            }
        }
        Map<String, ReplicatedGroup> groupById = new LinkedHashMap<>();
        Map<String, ReplicatedGroup> groupByPromoted = new HashMap<>();
        for (ReplicatedGroup g : this.groups) {
            groupById.putIfAbsent(g.id(), g);
            if (g.promotedGroupId().isPresent()) {
                groupByPromoted.putIfAbsent(g.promotedGroupId().get(), g);
            }
        }
        this.volumesById = Collections.unmodifiableMap(byId);
        this.groupsById = Collections.unmodifiableMap(groupById);
        this.volumesByPromotedId = byPromoted;
        this.groupsByPromotedId = groupByPromoted;
    }

    public String arrayId() {
        return arrayId;
    }

    public List<ReplicatedVolume> volumes() {
        return volumes;
    }

    public List<ReplicatedGroup> groups() {
        return groups;
    }

    public List<StoragePort> storagePorts() {
        return storagePorts;
    }

    public List<InitiatorGroup> initiatorGroups() {
        return initiatorGroups;
    }

    /** Volumes by id, in inventory order (the first of a repeated id). */
    public Map<String, ReplicatedVolume> volumesById() {
        return volumesById;
    }

    /** Groups by id, in inventory order (the first of a repeated id). */
    public Map<String, ReplicatedGroup> groupsById() {
        return groupsById;
    }

    /** The volume with this id, or the promoted replica whose promoted id this is. */
    public Optional<ReplicatedVolume> volume(String idOrPromotedId) {
        ReplicatedVolume v = volumesById.get(idOrPromotedId);
        return Optional.ofNullable(v != null ? v : volumesByPromotedId.get(idOrPromotedId));
    }

    /** The group with this id, or the promoted replica group whose promoted id this is. */
    public Optional<ReplicatedGroup> group(String idOrPromotedId) {
        ReplicatedGroup g = groupsById.get(idOrPromotedId);
        return Optional.ofNullable(g != null ? g : groupsByPromotedId.get(idOrPromotedId));
    }

    /** Member volumes of a group, in the group's order (members missing from the inventory skipped). */
    public List<ReplicatedVolume> members(ReplicatedGroup group) {
        List<ReplicatedVolume> out = new java.util.ArrayList<>(group.volumeIds().size());
        for (String id : group.volumeIds()) {
            ReplicatedVolume v = volumesById.get(id);
            if (v != null) {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayInventory other && arrayId.equals(other.arrayId) && volumes.equals(other.volumes)
                && groups.equals(other.groups) && storagePorts.equals(other.storagePorts)
                && initiatorGroups.equals(other.initiatorGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arrayId, volumes, groups, storagePorts, initiatorGroups);
    }

    @Override
    public String toString() {
        return "ArrayInventory[arrayId=" + arrayId + ", volumes=" + volumes + ", groups=" + groups
                + ", storagePorts=" + storagePorts + ", initiatorGroups=" + initiatorGroups + "]";
    }
}
