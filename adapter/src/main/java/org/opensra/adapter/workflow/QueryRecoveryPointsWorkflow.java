package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.params.QueryRecoveryPointsParameters;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ObjectRef;

/** queryRecoveryPoints (RP-1): the recovery points of each target group and device, newest first. */
public final class QueryRecoveryPointsWorkflow {

    public RecoveryPointsResults run(QueryRecoveryPointsParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        Selection<List<RecoveryPoint>, List<RecoveryPoint>> selection = Selection.resolve(params.targetGroups(),
                params.targetDevices(), resolver, resolver::targetGroup, resolver::targetDevice);
        ctx.progress().report(30);
        List<Unit> units = selection.pendingUnits();
        if (!units.isEmpty()) {
            try (Step step = ctx.log().step("Listing the recovery points of "
                    + Names.list(units.stream().map(Unit::requested).toList()) + " on array "
                    + Names.one(params.arrayId()))) {
                Map<ObjectRef, ItemResult<List<org.opensra.spi.RecoveryPoint>>> points = Batch.run(
                        units.stream().map(Unit::ref).toList(),
                        refs -> ctx.driver().recoveryPoints(params.arrayId(), refs), ObjectRef::id);
                for (Unit unit : units) {
                    ItemResult<List<org.opensra.spi.RecoveryPoint>> list = points.get(unit.ref());
                    if (list instanceof ItemResult.Success<List<org.opensra.spi.RecoveryPoint>> ok) {
                        if (ok.value().isEmpty()) {
                            Selection.put(selection, unit, ItemResult.failure(Errors.noReplicaYet(unit.requested())));
                            step.log("No recovery point of " + Names.one(unit.requested()) + " yet");
                            continue;
                        }
                        step.log(ok.value().size() + " recovery point(s) of " + Names.one(unit.requested())
                                + ", newest " + Names.one(ok.value().get(0).id()) + " at " + ok.value().get(0).time());
                    }
                    Selection.put(selection, unit, list.map(l -> l.stream().map(ModelMapping::recoveryPoint).toList()));
                }
                step.complete("Recovery points of " + units.size() + " item(s) have been listed");
            }
        }
        ctx.progress().report(100);
        return new RecoveryPointsResults(selection.groups.toProtocol(), selection.devices.toProtocol());
    }
}
