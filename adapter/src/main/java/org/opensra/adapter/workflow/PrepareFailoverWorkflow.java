package org.opensra.adapter.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Demotion;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.ProtectiveSnapshot;

/**
 * prepareFailover (PF-1..PF-4): demotes each source group and device to read-only after its
 * pre-failover snapshot. Idempotent: a repeat succeeds with warning 2001 (PF-2); after a disaster
 * failover of the peer it succeeds with warning 2004 (PF-3).
 */
public final class PrepareFailoverWorkflow {

    public SuccessResults run(PrepareFailoverParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        Selection<Success, Success> selection = Selection.resolve(params.consistencyGroups(), params.sourceDevices(),
                resolver, resolver::sourceGroup, resolver::sourceDevice);
        List<Unit> units = selection.pendingUnits();
        ctx.progress().report(10);
        Map<Unit, Step> steps = new LinkedHashMap<>();
        try {
            for (Unit unit : units) {
                Step step = ctx.log().step("Demotion of devices " + Names.list(unit.memberIds()) + " on array "
                        + Names.one(params.arrayId()) + " for prepareFailover request");
                steps.put(unit, step);
                unit.members().forEach(m -> step.log("Source device " + Names.one(m.id()) + " host access is being changed to [r/o]"
                        + m.identity().map(i -> " and masked from its hosts").orElse("")));
            }
            Map<ObjectRef, ItemResult<Demotion>> demoted = Batch.run(units.stream().map(Unit::ref).toList(),
                    refs -> ctx.driver().demote(params.arrayId(), refs), ObjectRef::id);
            ctx.progress().report(80);
            for (Unit unit : units) {
                Step step = steps.get(unit);
                ItemResult<Demotion> result = demoted.get(unit.ref());
                if (!(result instanceof ItemResult.Success<Demotion> ok)) {
                    Message error = ((ItemResult.Failure<Demotion>) result).error();
                    step.fail("demotion of " + Names.one(unit.requested()) + " failed: error " + SyncOnceWorkflow.code(error));
                    selection.fail(unit, error);
                    continue;
                }
                Demotion demotion = ok.value();
                if (!demotion.details().isEmpty()) {
                    step.log("Array actions: " + Names.properties(demotion.details()));
                }
                ItemResult<Success> item = ItemResult.success(Success.SUCCESS);
                if (!demotion.changed()) {
                    step.log(LogLevel.WARNING, "WARNING: " + Names.one(unit.requested())
                            + " was already demoted (read-only); nothing was changed");
                    item = item.withWarning(Errors.alreadyInState(unit.requested()));
                }
                if (demotion.peerPromoted()) {
                    step.log(LogLevel.WARNING, "WARNING: the replica of " + Names.one(unit.requested())
                            + " was already failed over (disaster recovery order); the source is demoted all the same");
                    item = item.withWarning(Errors.peerAlreadyFailedOver(unit.requested()));
                }
                step.complete("Demotion of source device(s) " + Names.list(unit.memberIds())
                        + " is now COMPLETE for prepareFailover request.");
                logSnapshots(ctx, unit, demotion.snapshots());
                Selection.put(selection, unit, item);
            }
        } finally {
            steps.values().forEach(Step::close);
        }
        ctx.progress().report(100);
        return SuccessResults.forPrepareFailover(selection.groups.toProtocol(), selection.devices.toProtocol());
    }

    private static void logSnapshots(WorkflowContext ctx, Unit unit, List<ProtectiveSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            ctx.log().verbose("No pre-failover snapshot of " + Names.one(unit.requested()) + " is kept by the array");
            return;
        }
        try (Step step = ctx.log().step("Pre-Failover Snapshot Copy of " + Names.one(unit.requested())
                + " is being created for prepareFailover request.")) {
            for (ProtectiveSnapshot s : snapshots) {
                step.log("Snapshot " + Names.one(s.id()) + " of source device " + Names.one(s.volumeId())
                        + " has been created with Recovery Point " + Names.one(s.recoveryPoint().time().toString()));
                step.log("Snapshot " + Names.one(s.id()) + " has attributes: " + Names.properties(s.parameters()));
            }
            step.complete("Pre-Failover Snapshot Copy of " + Names.one(unit.requested())
                    + " has been created for prepareFailover request.");
        }
    }
}
