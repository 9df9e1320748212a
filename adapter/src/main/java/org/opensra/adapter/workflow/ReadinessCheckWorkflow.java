package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.params.TargetSelection;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicatedVolume;

/**
 * checkTestFailoverStart (TF-1) and checkFailover (FO-1): checks each target group and device against
 * the array's state (a replica exists, no test already running, not already failed over, replication
 * healthy) and answers Success, Success with warnings, or an error for every requested item (RESP-1).
 */
public final class ReadinessCheckWorkflow {
    private final CommandName command;

    public ReadinessCheckWorkflow(CommandName command) {
        if (command != CommandName.CHECK_TEST_FAILOVER_START && command != CommandName.CHECK_FAILOVER) {
            throw new IllegalArgumentException("not a check command: " + command);
        }
        this.command = command;
    }

    public SuccessResults run(TargetSelection params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        Selection<Success, Success> selection = Selection.resolve(params.targetGroups(), params.targetDevices(),
                resolver, resolver::targetGroup, resolver::targetDevice);
        boolean test = command == CommandName.CHECK_TEST_FAILOVER_START;
        List<Unit> units = selection.pendingUnits();
        try (Step step = ctx.log().step("Checking " + Names.list(units.stream().map(Unit::requested).toList())
                + " on array " + Names.one(params.arrayId()) + " for " + (test ? "test failover" : "failover"))) {
            for (Unit unit : units) {
                ItemResult<Success> result = check(unit, test);
                step.log(Names.one(unit.requested()) + ": " + describe(result));
                Selection.put(selection, unit, result);
            }
            step.complete("Checked " + units.size() + " item(s) for " + (test ? "test failover" : "failover"));
        }
        ctx.progress().report(100);
        return SuccessResults.forTargets(command, selection.groups.toProtocol(), selection.devices.toProtocol());
    }

    private static ItemResult<Success> check(Unit unit, boolean test) {
        String key = unit.requested();
        boolean promoted = unit.group().map(g -> g.isPromoted()).orElseGet(() -> unit.volume().orElseThrow().isPromoted());
        boolean testRunning = unit.group().map(g -> g.testCopy().isPresent())
                .orElseGet(() -> unit.volume().orElseThrow().testCopy().isPresent());
        LinkState link = unit.group().map(g -> g.link()).orElseGet(() -> unit.volume().orElseThrow().link());
        boolean noReplica = link == LinkState.INITIAL_SYNC
                || unit.members().stream().anyMatch(m -> m.link() == LinkState.INITIAL_SYNC);
        if (promoted) {
            return test ? ItemResult.failure(Errors.wrongState(key, "promoted target (read-write)"))
                    : ItemResult.success(Success.SUCCESS, List.of(Errors.alreadyInState(key)));
        }
        if (noReplica) {
            return ItemResult.failure(Errors.noReplicaYet(key));
        }
        if (test && testRunning) {
            return ItemResult.failure(Errors.testFailoverRunning(key));
        }
        ItemResult<Success> ok = ItemResult.success(Success.SUCCESS);
        boolean broken = link == LinkState.BROKEN || unit.members().stream().map(ReplicatedVolume::link)
                .anyMatch(l -> l == LinkState.BROKEN);
        if (broken) {
            ok = ok.withWarning(Errors.replicationNotSetUp(key));
        }
        return ok;
    }

    private static String describe(ItemResult<Success> result) {
        if (result instanceof ItemResult.Success<Success> ok) {
            return ok.warnings().isEmpty() ? "ready" : "ready with warning(s) " + codes(ok.warnings());
        }
        return "not ready, error " + SyncOnceWorkflow.code(((ItemResult.Failure<Success>) result).error());
    }

    private static String codes(List<Message> messages) {
        return messages.stream().map(SyncOnceWorkflow::code).toList().toString();
    }
}
