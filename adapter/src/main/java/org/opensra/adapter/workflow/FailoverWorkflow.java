package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.PromotedDevice;
import org.opensra.protocol.model.PromotedGroup;
import org.opensra.protocol.model.PromotedGroupDevice;
import org.opensra.protocol.model.Promotion;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Feature;
import org.opensra.spi.Initiator;
import org.opensra.spi.ProtectiveSnapshot;
import org.opensra.spi.ReplicaRequest;

/**
 * failover (FO-2..FO-6, RP-2, RP-3): stops replication into each requested replica, keeps a revert
 * snapshot, promotes it read-write and presents it. Works with the protected site down (only the local
 * array is used). Idempotent: an already promoted replica keeps its state, gets warning 2001, the same
 * result, and is presented again so access restrictions are re-verified (FO-3). Promotion without
 * presentation returns no Identity plus warning 2002 (FO-4).
 */
public final class FailoverWorkflow {

    public FailoverResults run(FailoverParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        Selection<PromotedGroup, PromotedDevice> selection = Selection.resolve(
                params.targetGroups().stream().map(g -> g.key()).toList(),
                params.targetDevices().stream().map(d -> d.key()).toList(),
                resolver, resolver::targetGroup, resolver::targetDevice);
        Map<String, Optional<String>> points = new LinkedHashMap<>();
        params.targetGroups().forEach(g -> points.putIfAbsent("g:" + g.key(), g.recoveryPoint()));
        params.targetDevices().forEach(d -> points.putIfAbsent("d:" + d.key(), d.recoveryPoint()));
        AccessRequests access = new AccessRequests(params, ctx.log());
        boolean restrict = ctx.description().has(Feature.DYNAMIC_ACCESS_RESTRICTION);
        HostAccess hostAccess = new HostAccess(inventory);
        List<Unit> units = selection.pendingUnits();
        ctx.progress().report(10);
        if (units.isEmpty()) {
            return results(selection, hostAccess);
        }
        String array = Names.one(params.arrayId());
        List<String> keys = units.stream().map(Unit::requested).toList();

        Map<ReplicaRequest, Unit> requests = new LinkedHashMap<>();
        for (Unit unit : units) {
            Optional<String> point = points.get((unit.isGroup() ? "g:" : "d:") + unit.requested())
                    .filter(p -> !p.equals(org.opensra.spi.RecoveryPoint.LATEST));
            requests.put(new ReplicaRequest(unit.ref(), point), unit);
        }
        Map<ReplicaRequest, ItemResult<org.opensra.spi.Promotion>> promoted;
        try (Step suspend = ctx.log().step("Suspending replication of " + Names.list(keys) + " on array " + array
                + " for failover request")) {
            promoted = Batch.run(List.copyOf(requests.keySet()), r -> ctx.driver().promote(params.arrayId(), r),
                    r -> r.replica().id());
            requests.forEach((request, unit) -> {
                if (promoted.get(request) instanceof ItemResult.Success<org.opensra.spi.Promotion> ok) {
                    suspend.log("Replication session of " + Names.one(unit.requested()) + " on array " + array
                            + " is " + ok.value().replicationStop() + ". Target is now promotable.");
                } else {
                    suspend.log(LogLevel.ERROR, "Replication session of " + Names.one(unit.requested())
                            + " could not be suspended and promoted");
                }
            });
            suspend.log("Replication of " + Names.list(keys) + " stays suspended per pair (not array-wide) until"
                    + " reverseReplication or restoreReplication resumes it");
            suspend.complete("Suspension of replication of " + Names.list(keys) + " on array " + array
                    + " for failover request is now COMPLETE");
        }
        ctx.progress().report(50);

        Map<Unit, org.opensra.spi.Promotion> done = new LinkedHashMap<>();
        requests.forEach((request, unit) -> {
            ItemResult<org.opensra.spi.Promotion> result = promoted.get(request);
            if (result instanceof ItemResult.Success<org.opensra.spi.Promotion> ok) {
                done.put(unit, ok.value());
                logRevertSnapshots(ctx, unit, ok.value().revertSnapshots());
            } else {
                selection.fail(unit, ((ItemResult.Failure<org.opensra.spi.Promotion>) result).error());
            }
        });

        Map<String, PromotedGroup> groupResults = new LinkedHashMap<>();
        Map<String, PromotedDevice> deviceResults = new LinkedHashMap<>();
        try (Step promote = ctx.log().step("Promotion of devices " + Names.list(done.keySet().stream()
                .flatMap(u -> u.memberIds().stream()).toList()) + " on array " + array + " for failover request")) {
            Map<String, List<Initiator>> presentations = new LinkedHashMap<>();
            Map<String, Step> steps = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            done.forEach((unit, promotion) -> {
                promotion.promotedVolumeIds().forEach((replicaId, promotedId) -> {
                    promote.log("Replica with key " + Names.one(replicaId) + " is being promoted from Recovery Point "
                            + Names.one(promotion.recoveryPoint().id()) + " at " + promotion.recoveryPoint().time());
                    promote.log("Promoted target " + Names.one(promotedId) + " has attributes: "
                            + Names.properties(promotion.parameters()));
                    if (!promotion.changed()) {
                        promote.log(LogLevel.WARNING, "WARNING: " + Names.one(replicaId)
                                + " was already failed over; its state is kept and the same result is returned");
                    }
                    presentations.put(promotedId, restrict ? access.initiators(replicaId) : List.of());
                    steps.put(promotedId, promote);
                    names.put(promotedId, "Promoted target " + Names.one(promotedId));
                });
            });
            Map<String, Presenter.Outcome> presented = presentations.isEmpty() ? Map.of()
                    : Presenter.present(ctx, params.arrayId(), presentations, steps, names);
            done.forEach((unit, promotion) -> {
                RecoveryPoint point = ModelMapping.recoveryPoint(promotion.recoveryPoint());
                List<Message> warnings = new ArrayList<>();
                if (!promotion.changed()) {
                    warnings.add(Errors.alreadyInState(unit.requested()));
                }
                List<PromotedGroupDevice> members = new ArrayList<>();
                Optional<Identity> single = Optional.empty();
                for (Map.Entry<String, String> e : promotion.promotedVolumeIds().entrySet()) {
                    Presenter.Outcome outcome = presented.get(e.getValue());
                    Optional<Identity> identity = outcome == null ? Optional.empty() : outcome.identity();
                    if (outcome != null) {
                        outcome.failure().ifPresent(warnings::add);
                    }
                    hostAccess.add(identity);
                    members.add(new PromotedGroupDevice(e.getKey(), Optional.of(Promotion.readWrite(e.getValue())), identity));
                    single = identity;
                }
                if (unit.isGroup()) {
                    String groupId = promotion.promotedGroupId().orElse(unit.ref().id());
                    selection.groups.put(unit.requested(), ItemResult.success(
                            new PromotedGroup(Promotion.readWrite(groupId), point, members), warnings));
                } else {
                    String promotedId = promotion.promotedVolumeIds().values().stream().findFirst()
                            .orElse(unit.ref().id());
                    selection.devices.put(unit.requested(), ItemResult.success(
                            new PromotedDevice(Promotion.readWrite(promotedId), single, point), warnings));
                }
            });
            promote.complete("Promotion is now complete for devices " + Names.list(done.keySet().stream()
                    .flatMap(u -> u.memberIds().stream()).toList()) + " for failover request.");
        }
        ctx.progress().report(100);
        return results(selection, hostAccess);
    }

    private static FailoverResults results(Selection<PromotedGroup, PromotedDevice> selection, HostAccess hostAccess) {
        return new FailoverResults(selection.groups.toProtocol(), selection.devices.toProtocol(),
                hostAccess.initiatorGroups(), hostAccess.storagePorts());
    }

    private static void logRevertSnapshots(WorkflowContext ctx, Unit unit, List<ProtectiveSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            ctx.log().verbose("No revert snapshot of " + Names.one(unit.requested()) + " was reported by the array");
            return;
        }
        try (Step step = ctx.log().step("Revert Snapshot Copy of " + Names.one(unit.requested())
                + " is being created for potential restoreReplication request.")) {
            for (ProtectiveSnapshot s : snapshots) {
                step.log("Replica with key " + Names.one(s.volumeId()) + " is being cloned from Recovery Point "
                        + Names.one(s.recoveryPoint().id()) + " at " + s.recoveryPoint().time());
                step.log("Revert Snapshot copy " + Names.one(s.id()) + " has attributes: " + Names.properties(s.parameters()));
            }
            step.complete("Revert Snapshot Copy of " + Names.one(unit.requested())
                    + " has been created for potential use by a restoreReplication request.");
        }
    }
}
