package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything replicated on one array, read in one call ({@link ArrayDriver#inventory}): volumes and
 * groups with their roles and states, plus the storage ports and initiator groups the identities
 * refer to. A consistent snapshot of the array at one moment; workflows resolve request ids against it.
 */
public record ArrayInventory(
        String arrayId,
        List<ReplicatedVolume> volumes,
        List<ReplicatedGroup> groups,
        List<StoragePort> storagePorts,
        List<InitiatorGroup> initiatorGroups) {

    public ArrayInventory {
        Objects.requireNonNull(arrayId, "arrayId");
        volumes = List.copyOf(volumes);
        groups = List.copyOf(groups);
        storagePorts = List.copyOf(storagePorts);
        initiatorGroups = List.copyOf(initiatorGroups);
    }

    /** Volumes by id, in inventory order. */
    public Map<String, ReplicatedVolume> volumesById() {
        Map<String, ReplicatedVolume> map = new LinkedHashMap<>();
        volumes.forEach(v -> map.put(v.id(), v));
        return map;
    }

    /** Groups by id, in inventory order. */
    public Map<String, ReplicatedGroup> groupsById() {
        Map<String, ReplicatedGroup> map = new LinkedHashMap<>();
        groups.forEach(g -> map.put(g.id(), g));
        return map;
    }

    /** The volume with this id, or the promoted replica whose promoted id this is. */
    public Optional<ReplicatedVolume> volume(String idOrPromotedId) {
        return volumes.stream().filter(v -> v.id().equals(idOrPromotedId)).findFirst()
                .or(() -> volumes.stream()
                        .filter(v -> v.promotedVolumeId().filter(idOrPromotedId::equals).isPresent())
                        .findFirst());
    }

    /** The group with this id, or the promoted replica group whose promoted id this is. */
    public Optional<ReplicatedGroup> group(String idOrPromotedId) {
        return groups.stream().filter(g -> g.id().equals(idOrPromotedId)).findFirst()
                .or(() -> groups.stream()
                        .filter(g -> g.promotedGroupId().filter(idOrPromotedId::equals).isPresent())
                        .findFirst());
    }

    /** Member volumes of a group, in the group's order (members missing from the inventory skipped). */
    public List<ReplicatedVolume> members(ReplicatedGroup group) {
        Map<String, ReplicatedVolume> byId = volumesById();
        return group.volumeIds().stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
