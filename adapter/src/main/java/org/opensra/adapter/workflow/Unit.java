package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;

/**
 * One requested item that resolved to an array object: a consistency group (acted on as a whole) or a
 * standalone device. {@code requested} is the id or key exactly as the request named it; results and
 * log lines use it.
 */
record Unit(String requested, Optional<ReplicatedGroup> group, Optional<ReplicatedVolume> volume,
            List<ReplicatedVolume> members) {

    Unit {
        Objects.requireNonNull(requested, "requested");
        members = List.copyOf(members);
        if (group.isPresent() == volume.isPresent()) {
            throw new IllegalArgumentException("a unit is a group or a volume");
        }
    }

    static Unit of(String requested, ReplicatedVolume volume) {
        return new Unit(requested, Optional.empty(), Optional.of(volume), List.of(volume));
    }

    static Unit of(String requested, ReplicatedGroup group, ArrayInventory inventory) {
        return new Unit(requested, Optional.of(group), Optional.empty(), inventory.members(group));
    }

    boolean isGroup() {
        return group.isPresent();
    }

    /** The array object, by the array's own id (not a promoted id). */
    ObjectRef ref() {
        return group.map(g -> ObjectRef.group(g.id())).orElseGet(() -> ObjectRef.volume(volume.orElseThrow().id()));
    }

    String kindName() {
        return isGroup() ? "consistency group" : "device";
    }

    /** The array's ids of the member volumes (the volume itself for a standalone device). */
    List<String> memberIds() {
        return members.stream().map(ReplicatedVolume::id).toList();
    }
}
