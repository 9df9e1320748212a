package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.params.ReplicationChangeParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.ReplicationSettings;
import org.opensra.spi.SettingsRequest;

/**
 * prepareReverseReplication, reverseReplication (REV-1..REV-7), prepareRestoreReplication and
 * restoreReplication (RES-1..RES-6): one workflow, four operations.
 *
 * <ul>
 * <li>Ids may be source ids, replica ids or promoted ids (REV-6, RES-5); groups act as a whole.</li>
 * <li>Host access: volumes that are about to become replicas lose it first (old sources on reverse,
 *     promoted replicas on restore; a writable source still replicating is already reversed and keeps it); original sources handled by a restore or its prepare step are
 *     presented to the array's default hosts again (Appendix A). Production on promoted volumes is never touched by a
 *     reverse (REV-3).</li>
 * <li>Settings are a hint (RS-2): an unreadable blob or settings the array cannot apply give warning
 *     2003, replication not fully set up gives 2005; the item still succeeds (REV-7, RES-6).</li>
 * <li>Idempotent: already in the requested direction is Success with warning 2001 (REV-5, RES-4).</li>
 * </ul>
 */
public final class ReplicationChangeWorkflow {

    /** The four commands. */
    public enum Operation {
        PREPARE_REVERSE(CommandName.PREPARE_REVERSE_REPLICATION, "Preparing the reversal of replication of"),
        REVERSE(CommandName.REVERSE_REPLICATION, "Reversing replication of"),
        PREPARE_RESTORE(CommandName.PREPARE_RESTORE_REPLICATION, "Preparing the restore of replication of"),
        RESTORE(CommandName.RESTORE_REPLICATION, "Restoring replication of");

        final CommandName command;
        final String verb;

        Operation(CommandName command, String verb) {
            this.command = command;
            this.verb = verb;
        }

        boolean reverse() {
            return this == PREPARE_REVERSE || this == REVERSE;
        }

        boolean prepare() {
            return this == PREPARE_REVERSE || this == PREPARE_RESTORE;
        }
    }

    private final Operation operation;

    public ReplicationChangeWorkflow(Operation operation) {
        this.operation = operation;
    }

    public SuccessResults run(ReplicationChangeParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.of(params.peerArrayId()));
        ArrayInventory inventory = resolver.inventory();
        Map<String, Optional<org.opensra.protocol.model.ReplicationSettings>> blobs = new LinkedHashMap<>();
        params.consistencyGroups().forEach(i -> blobs.putIfAbsent("g:" + i.id(), i.settings()));
        params.devices().forEach(i -> blobs.putIfAbsent("d:" + i.id(), i.settings()));
        Selection<Success, Success> selection = Selection.resolve(
                params.consistencyGroups().stream().map(SettingsItem::id).toList(),
                params.devices().stream().map(SettingsItem::id).toList(),
                resolver, resolver::anyGroup, resolver::anyDevice);
        List<Unit> units = selection.pendingUnits();
        ctx.progress().report(10);
        String command = operation.command.wireName();
        Map<Unit, Step> steps = new LinkedHashMap<>();
        Map<Unit, List<Message>> warnings = new LinkedHashMap<>();
        Map<Unit, SettingsRequest> requests = new LinkedHashMap<>();
        try {
            for (Unit unit : units) {
                Step step = ctx.log().step(operation.verb + " " + unit.kindName() + " " + Names.one(unit.requested())
                        + " (devices " + Names.list(unit.memberIds()) + ") on array " + Names.one(params.arrayId())
                        + " with array " + Names.one(params.peerArrayId()) + " for " + command + " request");
                steps.put(unit, step);
                warnings.put(unit, new ArrayList<>());
                unit.members().forEach(m -> step.log("Device " + Names.one(m.id()) + " is now a " + Resolver.stateOf(m)));
                Optional<ReplicationSettings> settings = settings(unit, blobs, step, warnings.get(unit));
                requests.put(unit, new SettingsRequest(unit.ref(), settings));
            }
            mask(ctx, params.arrayId(), units, steps).forEach(selection::fail);
            ctx.progress().report(30);

            List<Unit> pending = selection.pendingUnits();
            Map<ObjectRef, ItemResult<ReplicationChange>> changes = Batch.run(
                    pending.stream().map(u -> requests.get(u)).toList(), list -> call(ctx, params.arrayId(), list),
                    r -> r.ref().id()).entrySet().stream().collect(LinkedHashMap::new,
                    (m, e) -> m.put(e.getKey().ref(), e.getValue()), Map::putAll);
            ctx.progress().report(70);
            List<Unit> succeeded = new ArrayList<>();
            for (Unit unit : pending) {
                ItemResult<ReplicationChange> change = changes.get(unit.ref());
                Step step = steps.get(unit);
                if (!(change instanceof ItemResult.Success<ReplicationChange> ok)) {
                    selection.fail(unit, ((ItemResult.Failure<ReplicationChange>) change).error());
                    continue;
                }
                report(unit, ok.value(), requests.get(unit), step, warnings.get(unit));
                succeeded.add(unit);
            }
            if (!operation.reverse()) {
                presentRestoredSources(ctx, params.arrayId(), succeeded, steps, warnings);
            }
            for (Unit unit : units) {
                Step step = steps.get(unit);
                ItemResult<Success> result = unit.isGroup() ? selection.groups.get(unit.requested())
                        : selection.devices.get(unit.requested());
                if (result == null) {
                    Selection.put(selection, unit, ItemResult.success(Success.SUCCESS, warnings.get(unit)));
                    step.complete(operation.verb + " " + Names.one(unit.requested()) + " for " + command
                            + " request is now COMPLETE");
                } else if (!result.isSuccess()) {
                    step.fail(operation.verb.toLowerCase(java.util.Locale.ROOT) + " " + Names.one(unit.requested())
                            + " failed: error " + SyncOnceWorkflow.code(((ItemResult.Failure<Success>) result).error()));
                }
            }
        } finally {
            steps.values().forEach(Step::close);
        }
        ctx.progress().report(100);
        return SuccessResults.forReplicationChange(operation.command, selection.groups.toProtocol(),
                selection.devices.toProtocol());
    }

    /** The settings hint of an item, decoded; an unreadable blob is warning 2003 and no hint (RS-2). */
    private static Optional<ReplicationSettings> settings(Unit unit,
            Map<String, Optional<org.opensra.protocol.model.ReplicationSettings>> blobs, Step step, List<Message> warnings) {
        Optional<org.opensra.protocol.model.ReplicationSettings> blob = blobs.getOrDefault(
                (unit.isGroup() ? "g:" : "d:") + unit.requested(), Optional.empty());
        if (blob.isEmpty()) {
            step.log("No replication settings were given for " + Names.one(unit.requested()));
            return Optional.empty();
        }
        try {
            ReplicationSettings settings = SettingsCodec.decode(blob.get());
            step.log("Replication settings given for " + Names.one(unit.requested()) + ": "
                    + Names.properties(settings.values()));
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            step.log(LogLevel.WARNING, "WARNING: the replication settings of " + Names.one(unit.requested())
                    + " cannot be read and are ignored: " + e.getMessage());
            warnings.add(Errors.settingsInvalid(unit.requested(), e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Removes host access from the volumes that are about to become replicas; answers the units whose
     * volumes could not be masked (they must not become replicas under a host's feet).
     */
    private Map<Unit, Message> mask(WorkflowContext ctx, String arrayId, List<Unit> units, Map<Unit, Step> steps) {
        Map<Unit, Message> failures = new LinkedHashMap<>();
        Map<String, Unit> owners = new LinkedHashMap<>();
        for (Unit unit : units) {
            for (ReplicatedVolume member : unit.members()) {
                boolean becomesReplica = operation.reverse() ? member.isSource() && !replicatingFrom(member)
                        : member.isPromoted();
                if (becomesReplica && member.identity().isPresent()) {
                    owners.put(member.promotedIdOrId(), unit);
                }
            }
        }
        if (owners.isEmpty()) {
            return failures;
        }
        Map<String, ItemResult<Change>> masked = Batch.run(List.copyOf(owners.keySet()),
                ids -> ctx.driver().unpresent(arrayId, ids), id -> id);
        owners.forEach((volumeId, unit) -> {
            ItemResult<Change> change = masked.get(volumeId);
            if (change instanceof ItemResult.Success<Change> ok) {
                steps.get(unit).log("Device " + Names.one(volumeId) + " is being masked from all hosts "
                        + Names.properties(ok.value().details()));
            } else {
                steps.get(unit).log(LogLevel.ERROR, "Device " + Names.one(volumeId) + " could not be masked");
                failures.putIfAbsent(unit, ((ItemResult.Failure<Change>) change).error());
            }
        });
        return failures;
    }

    /**
     * A writable source still replicating (or making its first copy) is already the source of the requested
     * direction: a reverse run again (REV-5, SRM's retry after a killed reverse) must not mask it, it is
     * production (REV-3). Old sources that do become replicas were demoted (read-only) or stopped.
     */
    private static boolean replicatingFrom(ReplicatedVolume member) {
        return !member.isDemotedSource()
                && (member.link() == org.opensra.spi.LinkState.ACTIVE || member.link() == org.opensra.spi.LinkState.INITIAL_SYNC);
    }

    private Map<SettingsRequest, Outcome<ReplicationChange>> call(WorkflowContext ctx, String arrayId,
                                                                  List<SettingsRequest> list) throws DriverException {
        return switch (operation) {
            case REVERSE -> keyed(list, ctx.driver().reverseReplication(arrayId, list));
            case RESTORE -> keyed(list, ctx.driver().restoreReplication(arrayId, list));
            case PREPARE_REVERSE -> asChanges(list, ctx.description().executionModel().prepareReverseReplication()
                    ? ctx.driver().prepareReverseReplication(arrayId, list) : null);
            case PREPARE_RESTORE -> asChanges(list, ctx.description().executionModel().prepareRestoreReplication()
                    ? ctx.driver().prepareRestoreReplication(arrayId, list) : null);
        };
    }

    private static Map<SettingsRequest, Outcome<ReplicationChange>> keyed(List<SettingsRequest> list,
                                                                          Map<ObjectRef, Outcome<ReplicationChange>> byRef) {
        Map<SettingsRequest, Outcome<ReplicationChange>> out = new LinkedHashMap<>();
        for (SettingsRequest request : list) {
            Outcome<ReplicationChange> outcome = byRef == null ? null : byRef.get(request.ref());
            if (outcome != null) {
                out.put(request, outcome);
            }
        }
        return out;
    }

    /** A prepare step's changes as replication changes; without a driver prepare step, masking was all. */
    private static Map<SettingsRequest, Outcome<ReplicationChange>> asChanges(List<SettingsRequest> list,
                                                                             Map<ObjectRef, Outcome<Change>> byRef) {
        Map<SettingsRequest, Outcome<ReplicationChange>> out = new LinkedHashMap<>();
        for (SettingsRequest request : list) {
            if (byRef == null) {
                out.put(request, Outcome.done(new ReplicationChange(true, Map.of(), Optional.empty(), Optional.empty(),
                        Map.of("array", "no array action needed besides host access"))));
                continue;
            }
            Outcome<Change> outcome = byRef.get(request.ref());
            if (outcome instanceof Outcome.Done<Change> done) {
                out.put(request, Outcome.done(new ReplicationChange(done.value().changed(), Map.of(), Optional.empty(),
                        Optional.empty(), done.value().details())));
            } else if (outcome instanceof Outcome.Failed<Change> failed) {
                out.put(request, Outcome.failed(failed.failure()));
            }
        }
        return out;
    }

    private void report(Unit unit, ReplicationChange change, SettingsRequest request, Step step, List<Message> warnings) {
        if (!change.details().isEmpty()) {
            step.log("Array actions for " + Names.one(unit.requested()) + ": " + Names.properties(change.details()));
        }
        if (!change.appliedSettings().isEmpty()) {
            step.log("Replication settings in force for " + Names.one(unit.requested()) + ": "
                    + Names.properties(change.appliedSettings()));
        }
        change.failsafeSnapshot().ifPresent(s -> step.log("Failsafe snapshot " + Names.one(s)
                + " keeps a usable copy at the destination until the next synchronization completes"));
        if (!change.changed()) {
            step.log(LogLevel.WARNING, "WARNING: replication of " + Names.one(unit.requested())
                    + " already runs in the requested direction; nothing was changed");
            warnings.add(Errors.alreadyInState(unit.requested()));
        }
        change.settingsProblem().ifPresent(problem -> {
            step.log(LogLevel.WARNING, "WARNING: " + problem + "; fix the replication settings of "
                    + Names.one(unit.requested()) + " manually");
            warnings.add(request.settings().isPresent() ? Errors.settingsInvalid(unit.requested(), problem)
                    : Errors.replicationNotSetUp(unit.requested()));
        });
    }

    /**
     * After a restore (or, when restoreReplication runs at the target, its prepare step at the original
     * source), the original sources are writable again: present them to the array's default hosts
     * (Appendix A, "host access restoration").
     */
    private static void presentRestoredSources(WorkflowContext ctx, String arrayId, List<Unit> units,
                                               Map<Unit, Step> steps, Map<Unit, List<Message>> warnings) {
        Map<String, List<org.opensra.spi.Initiator>> requests = new LinkedHashMap<>();
        Map<String, Step> stepOf = new LinkedHashMap<>();
        Map<String, Unit> owner = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit unit : units) {
            for (ReplicatedVolume member : unit.members()) {
                if (member.isSource()) {
                    requests.put(member.id(), List.of());
                    stepOf.put(member.id(), steps.get(unit));
                    owner.put(member.id(), unit);
                    names.put(member.id(), "Source device " + Names.one(member.id()));
                }
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        Presenter.present(ctx, arrayId, requests, stepOf, names).forEach((volumeId, outcome) ->
                outcome.failure().ifPresent(w -> warnings.get(owner.get(volumeId)).add(w)));
    }
}
