package org.opensra.emulator.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensra.emulator.model.Inventory;
import org.opensra.emulator.model.ItemForm;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.model.SourceDev;
import org.opensra.emulator.model.SourceGroup;

/**
 * The replicated items between the current protected site and the current recovery site, as SRM's
 * protection group holds them: each group or standalone device with its source id and target key.
 */
public record Replication(List<GroupPair> groups, List<DevicePair> devices) {

    public record DevicePair(String sourceId, String targetKey) {
    }

    public record GroupPair(String sourceId, String targetKey, List<DevicePair> members) {
        public GroupPair {
            members = List.copyOf(members);
        }
    }

    public Replication {
        groups = List.copyOf(groups);
        devices = List.copyOf(devices);
    }

    /** From discoverDevices at the protected site: every source group and standalone source device. */
    public static Replication fromSources(Inventory protectedSide) {
        List<GroupPair> g = new ArrayList<>();
        for (SourceGroup sg : protectedSide.sourceGroups()) {
            List<DevicePair> members = new ArrayList<>();
            for (SourceDev d : sg.devices()) {
                members.add(new DevicePair(d.id(), d.targetKey()));
            }
            g.add(new GroupPair(sg.id(), sg.targetKey(), members));
        }
        List<DevicePair> d = new ArrayList<>();
        for (SourceDev sd : protectedSide.sourceDevices()) {
            d.add(new DevicePair(sd.id(), sd.targetKey()));
        }
        return new Replication(g, d);
    }

    /**
     * Only the groups and standalone devices whose source id is in sourceIds: after a reverse, SRM's
     * protection group holds the devices it failed over, not every source of the new protected site
     * (which also has its own sources when replication runs both ways).
     */
    public Replication restrictedTo(Set<String> sourceIds) {
        return new Replication(groups.stream().filter(g -> sourceIds.contains(g.sourceId())).toList(),
                devices.stream().filter(d -> sourceIds.contains(d.sourceId())).toList());
    }

    public boolean isEmpty() {
        return groups.isEmpty() && devices.isEmpty();
    }

    public ItemSet sourceItems() {
        return new ItemSet(ItemForm.SOURCE, groups.stream().map(GroupPair::sourceId).toList(),
                devices.stream().map(DevicePair::sourceId).toList());
    }

    public ItemSet targetItems() {
        return new ItemSet(ItemForm.TARGET, groups.stream().map(GroupPair::targetKey).toList(),
                devices.stream().map(DevicePair::targetKey).toList());
    }

    /** Reverse/restore form with the original source ids (at the original protected site). */
    public ItemSet originalIds() {
        return new ItemSet(ItemForm.DEVICES, groups.stream().map(GroupPair::sourceId).toList(),
                devices.stream().map(DevicePair::sourceId).toList());
    }

    /** Reverse/restore form with the failed-over ids, given target key to promoted id (REV-6, RES-5). */
    public ItemSet promotedIds(Map<String, String> promoted) {
        return new ItemSet(ItemForm.DEVICES,
                groups.stream().map(g -> promoted.getOrDefault(g.targetKey(), g.targetKey())).toList(),
                devices.stream().map(d -> promoted.getOrDefault(d.targetKey(), d.targetKey())).toList());
    }

    /** Every device pair, standalone and in groups. */
    public List<DevicePair> allDevices() {
        List<DevicePair> all = new ArrayList<>(devices);
        groups.forEach(g -> all.addAll(g.members()));
        return all;
    }
}
