package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.Message;
import org.opensra.protocol.model.GroupSnapshot;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.Snapshot;
import org.opensra.protocol.model.SnapshotDevice;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.result.TestFailoverStartResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Feature;
import org.opensra.spi.Initiator;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.TestCopyResult;

/**
 * testFailoverStart (TF-2..TF-6, RP-2, RP-3): a writable copy of each requested replica (a group as a
 * whole) from the requested or the latest recovery point, presented to the requested hosts, without
 * touching replication. A copy that could not be presented is returned without Identity plus warning
 * 2002; a replica with a test already running is error 1011. Every item is answered (TF-4, RESP-1).
 */
public final class TestFailoverStartWorkflow {

    public TestFailoverStartResults run(TestFailoverStartParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        Selection<GroupSnapshot, Snapshot> selection = Selection.resolve(
                params.targetGroups().stream().map(g -> g.key()).toList(),
                params.targetDevices().stream().map(d -> d.key()).toList(),
                resolver, resolver::targetGroup, resolver::targetDevice);
        Map<String, Optional<String>> points = new LinkedHashMap<>();
        params.targetGroups().forEach(g -> points.putIfAbsent("g:" + g.key(), g.recoveryPoint()));
        params.targetDevices().forEach(d -> points.putIfAbsent("d:" + d.key(), d.recoveryPoint()));
        AccessRequests access = new AccessRequests(params, ctx.log());
        boolean restrict = ctx.description().has(Feature.DYNAMIC_ACCESS_RESTRICTION);
        HostAccess hostAccess = new HostAccess(inventory);
        ctx.progress().report(10);

        List<Unit> units = new ArrayList<>();
        for (Unit unit : selection.pendingUnits()) {
            Optional<Message> refusal = refusal(unit);
            if (refusal.isPresent()) {
                selection.fail(unit, refusal.get());
            } else {
                units.add(unit);
            }
        }
        Map<Unit, Step> steps = new LinkedHashMap<>();
        try {
            Map<ReplicaRequest, Unit> requests = new LinkedHashMap<>();
            for (Unit unit : units) {
                Optional<String> point = points.get((unit.isGroup() ? "g:" : "d:") + unit.requested())
                        .filter(p -> !p.equals(org.opensra.spi.RecoveryPoint.LATEST));
                requests.put(new ReplicaRequest(unit.ref(), point), unit);
                Step step = ctx.log().step("Temporary Snapshot Copy of " + Names.one(unit.requested())
                        + " is being created for testFailoverStart request.");
                steps.put(unit, step);
                for (ReplicatedVolume member : unit.members()) {
                    step.log("Replica of " + Names.one(member.peerVolumeId()) + " with key " + Names.one(member.id())
                            + " is being cloned from Recovery Point " + Names.one(point.orElse("latest")));
                }
            }
            Map<ReplicaRequest, ItemResult<TestCopyResult>> copies = Batch.run(List.copyOf(requests.keySet()),
                    r -> ctx.driver().createTestCopies(params.arrayId(), r), r -> r.replica().id());
            ctx.progress().report(50);

            Map<String, List<Initiator>> presentations = new LinkedHashMap<>();
            Map<String, Step> presentationSteps = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<Unit, TestCopyResult> created = new LinkedHashMap<>();
            requests.forEach((request, unit) -> {
                ItemResult<TestCopyResult> copy = copies.get(request);
                Step step = steps.get(unit);
                if (copy instanceof ItemResult.Success<TestCopyResult> ok) {
                    created.put(unit, ok.value());
                    ok.value().cloneIdsByVolume().forEach((replicaId, cloneId) -> {
                        step.log("Snapshot copy " + Names.one(cloneId) + " of replica " + Names.one(replicaId)
                                + " has attributes: " + Names.properties(ok.value().parameters()));
                        presentations.put(cloneId, restrict ? access.initiators(replicaId) : List.of());
                        presentationSteps.put(cloneId, step);
                        names.put(cloneId, "Snapshot copy " + Names.one(cloneId));
                    });
                } else {
                    Message error = ((ItemResult.Failure<TestCopyResult>) copy).error();
                    step.fail("the temporary snapshot copy of " + Names.one(unit.requested())
                            + " could not be created: error " + SyncOnceWorkflow.code(error));
                    selection.fail(unit, error);
                }
            });
            Map<String, Presenter.Outcome> presented = presentations.isEmpty() ? Map.of()
                    : Presenter.present(ctx, params.arrayId(), presentations, presentationSteps, names);
            ctx.progress().report(90);

            created.forEach((unit, copy) -> {
                RecoveryPoint point = ModelMapping.recoveryPoint(copy.copy().recoveryPoint());
                List<Message> warnings = new ArrayList<>();
                int hosts = 0;
                List<SnapshotDevice> members = new ArrayList<>();
                for (Map.Entry<String, String> clone : copy.cloneIdsByVolume().entrySet()) {
                    Presenter.Outcome outcome = presented.get(clone.getValue());
                    Optional<Identity> identity = outcome == null ? Optional.empty() : outcome.identity();
                    if (outcome != null) {
                        outcome.failure().ifPresent(warnings::add);
                    }
                    hostAccess.add(identity);
                    if (identity.isPresent()) {
                        hosts++;
                    }
                    members.add(new SnapshotDevice(clone.getKey(), new Snapshot(clone.getValue(), identity,
                            Optional.empty())));
                }
                if (unit.isGroup()) {
                    selection.groups.put(unit.requested(), ItemResult.success(
                            new GroupSnapshot(copy.copy().id(), members, point), warnings));
                } else {
                    Snapshot single = members.get(0).snapshot();
                    selection.devices.put(unit.requested(), ItemResult.success(
                            new Snapshot(single.id(), single.identity(), Optional.of(point)), warnings));
                }
                steps.get(unit).complete("Temporary Snapshot Copy of " + Names.one(unit.requested())
                        + " has been created and presented (" + hosts + " of " + members.size()
                        + " copies presented) for testFailoverStart request.");
            });
        } finally {
            steps.values().forEach(Step::close);
        }
        ctx.progress().report(100);
        return new TestFailoverStartResults(selection.groups.toProtocol(), selection.devices.toProtocol(),
                hostAccess.initiatorGroups(), hostAccess.storagePorts());
    }

    /** Why a replica cannot be tested, known from the inventory already (TF-6, no replica, promoted). */
    private static Optional<Message> refusal(Unit unit) {
        String key = unit.requested();
        boolean promoted = unit.group().map(g -> g.isPromoted()).orElseGet(() -> unit.volume().orElseThrow().isPromoted());
        if (promoted) {
            return Optional.of(Errors.wrongState(key, "promoted target (read-write)"));
        }
        boolean running = unit.group().map(g -> g.testCopy().isPresent())
                .orElseGet(() -> unit.volume().orElseThrow().testCopy().isPresent());
        if (running) {
            return Optional.of(Errors.testFailoverRunning(key));
        }
        if (unit.members().stream().anyMatch(m -> m.link() == org.opensra.spi.LinkState.INITIAL_SYNC)) {
            return Optional.of(Errors.noReplicaYet(key));
        }
        return Optional.empty();
    }
}
