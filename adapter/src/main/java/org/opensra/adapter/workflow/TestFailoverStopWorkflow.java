package org.opensra.adapter.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;

/**
 * testFailoverStop (TF-7): masks and deletes the test copy of each replica, then reads the array again to
 * verify the copy is gone. Idempotent: a replica without a copy succeeds with warning 2006.
 */
public final class TestFailoverStopWorkflow {

    public SuccessResults run(TestFailoverStopParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        Selection<Success, Success> selection = Selection.resolve(params.targetGroups(), params.targetDevices(),
                resolver, resolver::targetGroup, resolver::targetDevice);
        List<Unit> units = selection.pendingUnits();
        ctx.progress().report(10);
        Map<Unit, Step> steps = new LinkedHashMap<>();
        try {
            Map<String, Unit> cloneOwners = new LinkedHashMap<>();
            for (Unit unit : units) {
                steps.put(unit, ctx.log().step("Temporary Snapshot Copy of " + Names.one(unit.requested())
                        + " is being destroyed for testFailoverStop request."));
                for (ReplicatedVolume member : unit.members()) {
                    member.testCopy().ifPresent(copy -> cloneOwners.put(copy.id(), unit));
                }
            }
            Map<String, ItemResult<Change>> masked = Batch.run(List.copyOf(cloneOwners.keySet()),
                    ids -> ctx.driver().unpresent(params.arrayId(), ids), id -> id);
            cloneOwners.forEach((cloneId, unit) -> {
                ItemResult<Change> change = masked.get(cloneId);
                if (change instanceof ItemResult.Success<Change> ok) {
                    steps.get(unit).log("Snapshot copy " + Names.one(cloneId) + " is being masked from hosts"
                            + (ok.value().changed() ? " " + Names.properties(ok.value().details()) : " (it was not presented)"));
                } else {
                    Message error = ((ItemResult.Failure<Change>) change).error();
                    steps.get(unit).log(org.opensra.protocol.LogLevel.ERROR, "Snapshot copy " + Names.one(cloneId)
                            + " could not be masked: error " + SyncOnceWorkflow.code(error));
                    selection.fail(unit, error);
                }
            });
            ctx.progress().report(40);
            List<Unit> toDelete = selection.pendingUnits();
            Map<ObjectRef, ItemResult<Change>> deleted = Batch.run(toDelete.stream().map(Unit::ref).toList(),
                    refs -> ctx.driver().deleteTestCopies(params.arrayId(), refs), ObjectRef::id);
            for (Unit unit : toDelete) {
                ItemResult<Change> change = deleted.get(unit.ref());
                Step step = steps.get(unit);
                if (change instanceof ItemResult.Success<Change> ok) {
                    if (ok.value().changed()) {
                        unit.members().forEach(m -> m.testCopy().ifPresent(copy -> step.log("Snapshot copy "
                                + Names.one(copy.id()) + " is being deleted")));
                        step.log("Deleted: " + Names.properties(ok.value().details()));
                        Selection.put(selection, unit, ItemResult.success(Success.SUCCESS));
                    } else {
                        step.log(org.opensra.protocol.LogLevel.WARNING, "WARNING: there is no temporary snapshot copy of "
                                + Names.one(unit.requested()) + "; nothing to destroy");
                        Selection.put(selection, unit, ItemResult.success(Success.SUCCESS,
                                List.of(Errors.nothingToStop(unit.requested()))));
                    }
                } else {
                    selection.fail(unit, ((ItemResult.Failure<Change>) change).error());
                }
            }
            ctx.progress().report(70);
            verify(ctx, params.arrayId(), selection, toDelete, steps);
            for (Unit unit : units) {
                ItemResult<Success> result = unit.isGroup() ? selection.groups.get(unit.requested())
                        : selection.devices.get(unit.requested());
                if (result != null && result.isSuccess()) {
                    steps.get(unit).complete("Temporary Snapshot Copy of " + Names.one(unit.requested())
                            + " has been removed from service and destroyed for testFailoverStop request.");
                } else {
                    steps.get(unit).fail("the temporary snapshot copy of " + Names.one(unit.requested())
                            + " could not be destroyed");
                }
            }
        } finally {
            steps.values().forEach(Step::close);
        }
        ctx.progress().report(100);
        return SuccessResults.forTargets(CommandName.TEST_FAILOVER_STOP, selection.groups.toProtocol(),
                selection.devices.toProtocol());
    }

    /** Reads the array again: a copy that still exists turns that item into an error (TF-7). */
    private static void verify(WorkflowContext ctx, String arrayId, Selection<Success, Success> selection,
                               List<Unit> units, Map<Unit, Step> steps) {
        if (units.isEmpty()) {
            return;
        }
        ArrayInventory after;
        try {
            after = ctx.driver().inventory(arrayId);
        } catch (DriverException e) {
            ctx.log().warning("Could not read array " + Names.one(arrayId) + " again to verify the test copies are gone: "
                    + e.getMessage());
            return;
        }
        for (Unit unit : units) {
            boolean stillThere = unit.isGroup()
                    ? after.group(unit.ref().id()).flatMap(ReplicatedGroup::testCopy).isPresent()
                            || after.group(unit.ref().id()).map(g -> after.members(g).stream()
                                    .anyMatch(m -> m.testCopy().isPresent())).orElse(false)
                    : after.volume(unit.ref().id()).flatMap(ReplicatedVolume::testCopy).isPresent();
            if (stillThere) {
                steps.get(unit).log(org.opensra.protocol.LogLevel.ERROR, "The temporary snapshot copy of "
                        + Names.one(unit.requested()) + " still exists after deletion");
                Message error = Errors.operationFailed(unit.requested(), "the test copy still exists after deletion");
                if (unit.isGroup()) {
                    selection.groups.put(unit.requested(), ItemResult.failure(error));
                } else {
                    selection.devices.put(unit.requested(), ItemResult.failure(error));
                }
            } else {
                steps.get(unit).log("Verified: no temporary snapshot copy of " + Names.one(unit.requested())
                        + " remains on array " + Names.one(arrayId));
            }
        }
    }
}
