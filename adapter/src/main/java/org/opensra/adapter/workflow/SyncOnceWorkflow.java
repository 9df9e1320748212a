package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.result.SyncResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.SyncJob;

/**
 * syncOnce (SYNC-1, SYNC-2, SYNC-4, SYNC-5): starts one replication per group or standalone device and
 * returns at once; an item whose replication is already running gets warning 500 with the running
 * session. Logs each replica creation with its method and, after reverse or restore, the failsafe
 * snapshot at the destination (LOG-4).
 */
public final class SyncOnceWorkflow {

    public SyncResults run(SyncOnceParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.of(params.peerArrayId()));
        ArrayInventory inventory = resolver.inventory();
        boolean targetForm = params.isTargetForm();
        Selection<DeviceSync, DeviceSync> selection = targetForm
                ? Selection.resolve(params.targetGroups(), params.targetDevices(), resolver, resolver::targetGroup,
                        resolver::targetDevice)
                : Selection.resolve(params.consistencyGroups(), params.sourceDevices(), resolver,
                        resolver::sourceGroup, resolver::sourceDevice);
        ctx.progress().report(20);
        List<Unit> units = selection.pendingUnits();
        if (!units.isEmpty()) {
            List<String> names = units.stream().map(Unit::requested).toList();
            try (Step step = ctx.log().step("Synchronizing " + Names.list(names) + " between array "
                    + Names.one(params.arrayId()) + " and array " + Names.one(params.peerArrayId())
                    + " for syncOnce request")) {
                Map<ObjectRef, ItemResult<SyncJob>> jobs = Batch.run(units.stream().map(Unit::ref).toList(),
                        refs -> ctx.driver().startSync(params.arrayId(), refs), ObjectRef::id);
                for (Unit unit : units) {
                    ItemResult<SyncJob> job = jobs.get(unit.ref());
                    Selection.put(selection, unit, job instanceof ItemResult.Success<SyncJob> ok
                            ? started(unit, ok.value(), step)
                            : failed(unit, job, step));
                }
                step.complete("Synchronization of " + Names.list(names) + " for syncOnce request has been started");
            }
        }
        ctx.progress().report(100);
        return SyncShapes.results(CommandName.SYNC_ONCE, targetForm, selection);
    }

    private static ItemResult<DeviceSync> started(Unit unit, SyncJob job, Step step) {
        String who = Names.one(unit.requested());
        if (job.alreadyRunning()) {
            step.log(org.opensra.protocol.LogLevel.WARNING, "WARNING: a replication of " + who + " is already in progress"
                    + " as job " + Names.one(job.id()) + "; SRM will monitor it and ask again (warning 500)");
        } else {
            step.log("Replica of " + who + " is being created by job " + Names.one(job.id()) + " using "
                    + job.method() + " replication" + job.recoveryPoint().map(rp -> ", recovery point "
                    + Names.one(rp.id()) + " at " + rp.time()).orElse(""));
        }
        if (job.status() == org.opensra.spi.SyncStatus.COMPLETE) {
            step.log("Replica of " + who + " is current: job " + Names.one(job.id()) + " is complete");
        }
        job.failsafeSnapshot().ifPresent(snapshot -> step.log("Failsafe snapshot " + Names.one(snapshot)
                + " at the destination keeps a usable copy of " + who + " until this synchronization completes"));
        ItemResult<DeviceSync> result = ItemResult.success(SyncShapes.deviceSync(job));
        return job.alreadyRunning() ? result.withWarning(Errors.replicationInProgress(unit.requested())) : result;
    }

    private static ItemResult<DeviceSync> failed(Unit unit, ItemResult<SyncJob> job, Step step) {
        org.opensra.protocol.Message error = ((ItemResult.Failure<SyncJob>) job).error();
        step.log(org.opensra.protocol.LogLevel.ERROR, "Synchronization of " + Names.one(unit.requested())
                + " could not be started: error " + code(error));
        return ItemResult.failure(error);
    }

    static String code(org.opensra.protocol.Message m) {
        return m instanceof org.opensra.protocol.Message.Predefined p
                ? p.code() + " " + p.placeholders() : m.toString();
    }
}
