package org.opensra.adapter.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.result.SyncResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;

/**
 * querySyncStatus (SYNC-3, SYNC-4): the status of each sync job syncOnce started, in progress with
 * progress and estimate, or complete; an unknown job or a broken replication is that item's error.
 */
public final class QuerySyncStatusWorkflow {

    public SyncResults run(QuerySyncStatusParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.of(params.peerArrayId()));
        ArrayInventory inventory = resolver.inventory();
        boolean targetForm = params.isTargetForm();
        List<SyncRef> groupRefs = targetForm ? params.targetGroups() : params.consistencyGroups();
        List<SyncRef> deviceRefs = targetForm ? params.targetDevices() : params.sourceDevices();
        Map<String, String> groupSyncIds = syncIds(groupRefs);
        Map<String, String> deviceSyncIds = syncIds(deviceRefs);
        Selection<DeviceSync, DeviceSync> selection = targetForm
                ? Selection.resolve(List.copyOf(groupSyncIds.keySet()), List.copyOf(deviceSyncIds.keySet()), resolver,
                        resolver::targetGroup, resolver::targetDevice)
                : Selection.resolve(List.copyOf(groupSyncIds.keySet()), List.copyOf(deviceSyncIds.keySet()), resolver,
                        resolver::sourceGroup, resolver::sourceDevice);
        ctx.progress().report(30);
        List<Unit> units = selection.pendingUnits();
        if (!units.isEmpty()) {
            Map<Unit, SyncQuery> queries = new LinkedHashMap<>();
            for (Unit unit : units) {
                String syncId = (unit.isGroup() ? groupSyncIds : deviceSyncIds).get(unit.requested());
                queries.put(unit, new SyncQuery(unit.ref(), syncId));
            }
            try (Step step = ctx.log().step("Querying the synchronization status of "
                    + Names.list(units.stream().map(Unit::requested).toList()) + " on array "
                    + Names.one(params.arrayId()))) {
                Map<SyncQuery, ItemResult<SyncJob>> jobs = Batch.run(List.copyOf(queries.values()),
                        list -> ctx.driver().syncStatus(params.arrayId(), list), SyncQuery::syncId);
                for (Map.Entry<Unit, SyncQuery> entry : queries.entrySet()) {
                    Unit unit = entry.getKey();
                    ItemResult<SyncJob> job = jobs.get(entry.getValue());
                    if (job instanceof ItemResult.Success<SyncJob> ok) {
                        SyncJob j = ok.value();
                        step.log("Synchronization " + Names.one(j.id()) + " of " + Names.one(unit.requested()) + " is "
                                + j.status().wireName() + j.progress().stream().mapToObj(p -> ", " + p + "% done")
                                        .findFirst().orElse("")
                                + j.remainingSeconds().stream().mapToObj(s -> ", about " + s + " s left").findFirst()
                                        .orElse(""));
                        if (j.status() == org.opensra.spi.SyncStatus.COMPLETE) {
                            step.log("Replica of " + Names.one(unit.requested()) + " is current");
                        }
                        Selection.put(selection, unit, ItemResult.success(SyncShapes.deviceSync(j)));
                    } else {
                        step.log(LogLevel.ERROR, "Synchronization " + Names.one(entry.getValue().syncId()) + " of "
                                + Names.one(unit.requested()) + " failed or is unknown");
                        Selection.put(selection, unit, job.map(SyncShapes::deviceSync));
                    }
                }
                step.complete("Synchronization status of " + units.size() + " item(s) has been read");
            }
        }
        ctx.progress().report(100);
        return SyncShapes.results(CommandName.QUERY_SYNC_STATUS, targetForm, selection);
    }

    private static Map<String, String> syncIds(List<SyncRef> refs) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (SyncRef ref : refs) {
            ids.putIfAbsent(ref.ref(), ref.syncId());
        }
        return ids;
    }
}
