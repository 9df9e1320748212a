package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opensra.protocol.Message;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;

/**
 * The groups and devices of a request, resolved: per-item result collectors for both lists (RESP-1)
 * with the resolution failures already recorded, and the units that resolved, groups first.
 */
final class Selection<G, D> {
    final ItemResults<G> groups;
    final ItemResults<D> devices;
    private final List<Unit> units = new ArrayList<>();

    private Selection(List<String> groupIds, List<String> deviceIds) {
        this.groups = new ItemResults<>(groupIds);
        this.devices = new ItemResults<>(deviceIds);
    }

    static <G, D> Selection<G, D> resolve(List<String> groupIds, List<String> deviceIds, Resolver resolver,
                                          Function<String, ItemResult<ReplicatedGroup>> groupLookup,
                                          Function<String, ItemResult<ReplicatedVolume>> deviceLookup) {
        Selection<G, D> selection = new Selection<>(groupIds, deviceIds);
        for (String id : selection.groups.requested()) {
            ItemResult<ReplicatedGroup> found = groupLookup.apply(id);
            if (found instanceof ItemResult.Success<ReplicatedGroup> ok) {
                selection.units.add(Unit.of(id, ok.value(), resolver.inventory()));
            } else {
                selection.groups.fail(id, ((ItemResult.Failure<ReplicatedGroup>) found).error());
            }
        }
        for (String id : selection.devices.requested()) {
            ItemResult<ReplicatedVolume> found = deviceLookup.apply(id);
            if (found instanceof ItemResult.Success<ReplicatedVolume> ok) {
                selection.units.add(Unit.of(id, ok.value()));
            } else {
                selection.devices.fail(id, ((ItemResult.Failure<ReplicatedVolume>) found).error());
            }
        }
        return selection;
    }

    /** Units still without a result, groups first, in request order. */
    List<Unit> pendingUnits() {
        return units.stream().filter(u -> u.isGroup() ? !groups.has(u.requested()) : !devices.has(u.requested()))
                .toList();
    }

    List<Unit> units() {
        return List.copyOf(units);
    }

    void fail(Unit unit, Message error) {
        if (unit.isGroup()) {
            groups.fail(unit.requested(), error);
        } else {
            devices.fail(unit.requested(), error);
        }
    }

    /** Records the result of a unit when groups and devices have the same result type. */
    static <T> void put(Selection<T, T> selection, Unit unit, ItemResult<T> result) {
        if (unit.isGroup()) {
            selection.groups.put(unit.requested(), result);
        } else {
            selection.devices.put(unit.requested(), result);
        }
    }

    /** Total number of requested items, for progress. */
    int size() {
        return groups.requested().size() + devices.requested().size();
    }

    PerItem<G, D> complete() {
        return new PerItem<>(groups.complete(), devices.complete());
    }
}
