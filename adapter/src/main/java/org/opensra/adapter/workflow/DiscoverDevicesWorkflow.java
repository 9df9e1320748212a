package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.model.ConsistencyGroup;
import org.opensra.protocol.model.DeviceState;
import org.opensra.protocol.model.GroupSnapshot;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Promotion;
import org.opensra.protocol.model.Snapshot;
import org.opensra.protocol.model.SnapshotDevice;
import org.opensra.protocol.model.SourceDevice;
import org.opensra.protocol.model.TargetDevice;
import org.opensra.protocol.model.TargetGroup;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.result.ReplicatedDevices;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.VolumeAccess;

/**
 * discoverDevices (DD-1..DD-8, TF-8, CONN-3): the groups and standalone devices replicated between the
 * array and the peer, sources and targets alike; every replicated device left out is logged with the
 * reason (Appendix A).
 */
public final class DiscoverDevicesWorkflow {

    public ReplicatedDevices run(DiscoverDevicesParameters params, WorkflowContext ctx) throws WorkflowException {
        ArrayInventory inventory = DriverCalls.inventory(ctx, params.arrayId());
        ctx.progress().report(30);
        String peer = params.peerArrayId();
        HostAccess hostAccess = new HostAccess(inventory);
        List<ConsistencyGroup> sourceGroups = new ArrayList<>();
        List<TargetGroup> targetGroups = new ArrayList<>();
        List<SourceDevice> sources = new ArrayList<>();
        List<TargetDevice> targets = new ArrayList<>();
        try (Step step = ctx.log().step("Discovering devices on array " + Names.one(params.arrayId())
                + " replicated with array " + Names.one(peer) + ", device-name filter " + ctx.filter().describe())) {
            for (ReplicatedGroup group : inventory.groups()) {
                if (!group.peerArrayId().equals(peer)) {
                    step.log("Excluded consistency group " + Names.one(group.id()) + ": replicated with array "
                            + Names.one(group.peerArrayId()) + ", not " + Names.one(peer));
                    continue;
                }
                Optional<String> reason = exclusion(group, inventory, ctx.filter());
                if (reason.isPresent()) {
                    step.log("Excluded consistency group " + Names.one(group.id()) + ": " + reason.get());
                    continue;
                }
                List<ReplicatedVolume> members = inventory.members(group);
                if (group.isSource()) {
                    sourceGroups.add(new ConsistencyGroup(group.id(), state(group.access()), group.name(),
                            group.peerGroupId(), members.stream().map(m -> source(m, hostAccess)).toList()));
                } else {
                    targetGroups.add(targetGroup(group, members, hostAccess));
                }
                step.log("Reported " + (group.isSource() ? "consistency group " : "target group ")
                        + Names.one(group.id()) + " with devices " + Names.list(group.volumeIds()));
            }
            for (ReplicatedVolume volume : inventory.volumes()) {
                if (volume.groupId().isPresent()) {
                    if (inventory.group(volume.groupId().get()).isEmpty()) {
                        step.log("Excluded device " + Names.one(volume.id()) + ": its consistency group "
                                + Names.one(volume.groupId().get()) + " is not known to the array");
                    }
                    continue;
                }
                if (!volume.peerArrayId().equals(peer)) {
                    step.log("Excluded device " + Names.one(volume.id()) + ": replicated with array "
                            + Names.one(volume.peerArrayId()) + ", not " + Names.one(peer));
                    continue;
                }
                if (!ctx.filter().accepts(volume.displayName())) {
                    step.log("Excluded device " + Names.one(volume.id()) + ": its name "
                            + Names.one(volume.displayName()) + " does not match the device-name filter "
                            + ctx.filter().describe());
                    continue;
                }
                if (volume.isSource()) {
                    sources.add(source(volume, hostAccess));
                } else {
                    targets.add(standaloneTarget(volume, hostAccess));
                }
            }
            step.complete("Discovered " + sourceGroups.size() + " consistency group(s), " + targetGroups.size()
                    + " target group(s), " + sources.size() + " source device(s) and " + targets.size()
                    + " target device(s) on array " + Names.one(params.arrayId()));
        }
        ctx.progress().report(100);
        return new ReplicatedDevices(sourceGroups, targetGroups, sources, targets, hostAccess.initiatorGroups(),
                hostAccess.storagePorts());
    }

    /** Why a group is left out, if it is: no members, a member filtered out, or mixed roles (DD-6). */
    private static Optional<String> exclusion(ReplicatedGroup group, ArrayInventory inventory, DeviceFilter filter) {
        List<ReplicatedVolume> members = inventory.members(group);
        if (members.isEmpty()) {
            return Optional.of("it has no devices");
        }
        for (ReplicatedVolume member : members) {
            if (!filter.accepts(member.displayName())) {
                return Optional.of("its device " + Names.one(member.id()) + " named "
                        + Names.one(member.displayName()) + " does not match the device-name filter "
                        + filter.describe());
            }
            if (member.role() != group.role()) {
                return Optional.of("its device " + Names.one(member.id()) + " is a " + Resolver.stateOf(member)
                        + " while the group is a " + Resolver.stateOf(group));
            }
        }
        return Optional.empty();
    }

    private static SourceDevice source(ReplicatedVolume volume, HostAccess hostAccess) {
        Optional<Identity> identity = volume.isDemotedSource() ? Optional.empty()
                : ModelMapping.identity(volume.identity());
        hostAccess.add(identity);
        return new SourceDevice(volume.id(), state(volume.access()), volume.name(), volume.peerVolumeId(), identity);
    }

    private static TargetDevice standaloneTarget(ReplicatedVolume volume, HostAccess hostAccess) {
        Optional<Snapshot> snapshot = volume.testCopy().map(copy -> {
            Optional<Identity> identity = ModelMapping.identity(copy.identity());
            hostAccess.add(identity);
            return new Snapshot(copy.id(), identity, Optional.of(ModelMapping.recoveryPoint(copy.recoveryPoint())));
        });
        return target(volume, snapshot, hostAccess);
    }

    private static TargetDevice target(ReplicatedVolume volume, Optional<Snapshot> snapshot, HostAccess hostAccess) {
        if (volume.isPromoted()) {
            Optional<Identity> identity = ModelMapping.identity(volume.identity());
            hostAccess.add(identity);
            return new TargetDevice(volume.id(), volume.name(), Optional.of(Promotion.readWrite(volume.promotedIdOrId())),
                    identity, snapshot);
        }
        return new TargetDevice(volume.id(), volume.name(), Optional.empty(), Optional.empty(), snapshot);
    }

    private static TargetGroup targetGroup(ReplicatedGroup group, List<ReplicatedVolume> members, HostAccess hostAccess) {
        List<TargetDevice> devices = members.stream().map(m -> target(m, Optional.empty(), hostAccess)).toList();
        Optional<GroupSnapshot> snapshot = group.testCopy().map(copy -> {
            List<SnapshotDevice> clones = new ArrayList<>();
            for (ReplicatedVolume member : members) {
                member.testCopy().ifPresent(clone -> {
                    Optional<Identity> identity = ModelMapping.identity(clone.identity());
                    hostAccess.add(identity);
                    clones.add(new SnapshotDevice(member.id(), new Snapshot(clone.id(), identity, Optional.empty())));
                });
            }
            return new GroupSnapshot(copy.id(), clones, ModelMapping.recoveryPoint(copy.recoveryPoint()));
        });
        Optional<Promotion> promotion = group.isPromoted()
                ? Optional.of(Promotion.readWrite(group.promotedIdOrId())) : Optional.empty();
        return new TargetGroup(group.id(), group.name(), promotion, devices, snapshot);
    }

    static DeviceState state(VolumeAccess access) {
        return access == VolumeAccess.READ_WRITE ? DeviceState.READ_WRITE : DeviceState.READ_ONLY;
    }
}
