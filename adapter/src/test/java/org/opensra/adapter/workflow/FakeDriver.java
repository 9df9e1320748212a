package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensra.adapter.workflow.FakeArrays.FakeArray;
import org.opensra.adapter.workflow.FakeArrays.Grp;
import org.opensra.adapter.workflow.FakeArrays.Vol;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayInfo;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.Demotion;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;
import org.opensra.spi.Identity;
import org.opensra.spi.InitiatorGroup;
import org.opensra.spi.LinkState;
import org.opensra.spi.LocalizedText;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;
import org.opensra.spi.Promotion;
import org.opensra.spi.ProtectiveSnapshot;
import org.opensra.spi.Protocol;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.ReplicatedGroup;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.ReplicationSettings;
import org.opensra.spi.SettingsRequest;
import org.opensra.spi.StoragePort;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.SyncStatus;
import org.opensra.spi.TestCopy;
import org.opensra.spi.TestCopyResult;
import org.opensra.spi.VolumeAccess;

/** A driver session on one {@link FakeArrays} array; counts calls so tests can check batching. */
class FakeDriver implements ArrayDriver {
    enum IdentityForm { WWN, LUN_IGROUP }

    private final FakeArrays fabric;
    private final String localId;
    final Map<String, AtomicInteger> calls = new LinkedHashMap<>();
    IdentityForm identityForm = IdentityForm.WWN;
    boolean unreachable;
    /** Runs before every call, named by its method (e.g. to let a deadline pass, or fail a call). */
    Hook before = method -> { };

    interface Hook {
        void run(String method) throws DriverException;
    }

    FakeDriver(FakeArrays fabric, String localId) {
        this.fabric = fabric;
        this.localId = localId;
    }

    int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    private FakeArray local(String arrayId, String method) throws DriverException {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        before.run(method);
        if (unreachable) {
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", "127.0.0.1:1"), "connection refused");
        }
        if (arrayId != null && !arrayId.equals(localId)) {
            throw new DriverException(DriverError.UNKNOWN_ARRAY, Map.of("ArrayId", arrayId), "no array " + arrayId);
        }
        return fabric.array(localId);
    }

    static DriverDescription description(org.opensra.spi.Feature... features) {
        return new DriverDescription(List.of(new DriverDescription.ArrayModel("Fake", LocalizedText.of("fakeVendor", "Fake Inc."))),
                List.of(new DriverDescription.Software("FakeRep", "1.0")),
                List.of(new org.opensra.spi.ConnectionSpec("array", LocalizedText.of(null, "Array"), LocalizedText.of(null, "hint"),
                        List.of(new org.opensra.spi.ConnectionSpec.Parameter("managementAddress", LocalizedText.of(null, "a"),
                                LocalizedText.of(null, "h"), false)), null, null, List.of())),
                java.util.Set.of(features), org.opensra.spi.DeviceIdentification.WWN, java.util.Set.of(Protocol.ISCSI),
                org.opensra.spi.ExecutionModel.defaults(), List.of(), Optional.empty());
    }

    @Override
    public List<ArrayInfo> arrays() throws DriverException {
        synchronized (fabric) {
            FakeArray a = local(null, "arrays");
            List<String> peers = new ArrayList<>();
            a.volumes.values().forEach(v -> { if (!peers.contains(v.peerArrayId)) peers.add(v.peerArrayId); });
            return List.of(new ArrayInfo(a.id, Optional.of("Array " + a.id),
                    new DriverDescription.ArrayModel("Fake", LocalizedText.of("fakeVendor", "Fake Inc.")),
                    new DriverDescription.Software("FakeRep", "1.0"), peers));
        }
    }

    @Override
    public ArrayInventory inventory(String arrayId) throws DriverException {
        synchronized (fabric) {
            FakeArray a = local(arrayId, "inventory");
            List<ReplicatedVolume> volumes = new ArrayList<>();
            for (Vol v : a.volumes.values()) {
                Optional<TestCopy> copy = Optional.ofNullable(v.cloneId).map(c -> new TestCopy(c,
                        point(v.clonePoint), v.clonePresented ? Optional.of(identity(c)) : Optional.empty()));
                volumes.add(new ReplicatedVolume(v.id, Optional.ofNullable(v.name), v.role, v.access, v.peerArrayId,
                        v.peerVolumeId, Optional.ofNullable(v.groupId),
                        v.presented ? Optional.of(identity(v.promotedId != null ? v.promotedId : v.id)) : Optional.empty(),
                        v.link, copy, Optional.ofNullable(v.promotedId)));
            }
            List<ReplicatedGroup> groups = new ArrayList<>();
            for (Grp g : a.groups.values()) {
                groups.add(new ReplicatedGroup(g.id, Optional.ofNullable(g.name), g.role, g.access, g.peerArrayId,
                        g.peerGroupId, g.volumeIds, g.link,
                        Optional.ofNullable(g.copyId).map(c -> new TestCopy(c, point(null), Optional.empty())),
                        g.access == VolumeAccess.READ_WRITE && g.role == ReplicationRole.TARGET
                                ? Optional.of(g.id) : Optional.empty()));
            }
            return new ArrayInventory(a.id, volumes, groups, List.of(new StoragePort("iqn.fake:" + a.id, Protocol.ISCSI)),
                    List.of(new InitiatorGroup("ig-1", List.of(org.opensra.spi.Initiator.of(
                            org.opensra.spi.InitiatorType.ISCSI, "iqn.esx1"))), new InitiatorGroup("ig-unused", List.of())));
        }
    }

    private Identity identity(String volumeId) {
        return identityForm == IdentityForm.WWN ? new Identity.Wwn("wwn-" + volumeId)
                : new Identity.Luns(List.of(new Identity.Lun(Math.abs(volumeId.hashCode() % 200), Optional.of("ig-1"),
                        Optional.empty())));
    }

    static RecoveryPoint point(String id) {
        return id == null || id.equals("latest") ? RecoveryPoint.latest(FakeArrays.LATEST)
                : new RecoveryPoint(id, Optional.of("Hourly"), FakeArrays.LATEST.minusSeconds(3600), false);
    }

    private interface Op<K, V> {
        Outcome<V> apply(FakeArray a, K item);
    }

    private <K, V> Map<K, Outcome<V>> each(String arrayId, String method, List<K> items, Op<K, V> op) throws DriverException {
        synchronized (fabric) {
            FakeArray a = local(arrayId, method);
            Map<K, Outcome<V>> out = new LinkedHashMap<>();
            for (K item : items) {
                out.put(item, op.apply(a, item));
            }
            return out;
        }
    }

    private static Outcome<List<Vol>> members(FakeArray a, ObjectRef ref, boolean asTarget) {
        if (ref.isGroup()) {
            Grp g = a.groups.get(ref.id());
            if (g == null) {
                return Outcome.failed(DriverError.UNKNOWN_GROUP, "no group", "GroupId", ref.id());
            }
            return Outcome.done(g.volumeIds.stream().map(a.volumes::get).toList());
        }
        Optional<Vol> v = a.volume(ref.id());
        if (v.isEmpty()) {
            return Outcome.failed(asTarget ? DriverError.UNKNOWN_KEY : DriverError.UNKNOWN_DEVICE, "no volume",
                    asTarget ? "Key" : "DeviceId", ref.id());
        }
        return Outcome.done(List.of(v.get()));
    }

    @SuppressWarnings("unchecked")
    private static <V> Outcome<V> failure(Outcome<?> o) {
        return Outcome.failed(((Outcome.Failed<?>) o).failure());
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationSettings>> replicationSettings(String arrayId, List<ObjectRef> refs)
            throws DriverException {
        return each(arrayId, "replicationSettings", refs, (a, ref) -> {
            Outcome<List<Vol>> m = members(a, ref, false);
            return m instanceof Outcome.Done<List<Vol>> ? Outcome.done(new ReplicationSettings(Map.of("rpo", "300")))
                    : failure(m);
        });
    }

    @Override
    public Map<String, Outcome<Map<String, String>>> deviceDetails(String arrayId, List<String> ids) throws DriverException {
        return each(arrayId, "deviceDetails", ids, (a, id) -> a.volume(id)
                .<Outcome<Map<String, String>>>map(v -> Outcome.done(Map.of("name", String.valueOf(v.name), "role",
                        v.role.name())))
                .orElse(Outcome.failed(DriverError.UNKNOWN_DEVICE, "no volume", "DeviceId", id)));
    }

    @Override
    public Map<ObjectRef, Outcome<List<RecoveryPoint>>> recoveryPoints(String arrayId, List<ObjectRef> refs)
            throws DriverException {
        return each(arrayId, "recoveryPoints", refs, (a, ref) -> {
            Outcome<List<Vol>> m = members(a, ref, true);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            if (done.value().stream().anyMatch(v -> v.link == LinkState.INITIAL_SYNC)) {
                return Outcome.failed(DriverError.NO_REPLICA, "no replica", "Key", ref.id());
            }
            return Outcome.done(done.value().get(0).recoveryPoints.stream().map(FakeDriver::point).toList());
        });
    }

    @Override
    public Map<ObjectRef, Outcome<SyncJob>> startSync(String arrayId, List<ObjectRef> refs) throws DriverException {
        return each(arrayId, "startSync", refs, (a, ref) -> {
            Outcome<List<Vol>> m = members(a, ref, false);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            Vol first = done.value().get(0);
            if (first.link == LinkState.BROKEN) {
                return Outcome.failed(DriverError.REPLICATION_BROKEN, "link down", "Object", ref.id(), "Reason", "link down");
            }
            boolean running = first.runningJob != null;
            if (!running) {
                first.runningJob = "job-" + (a.jobs.size() + 1);
                a.jobs.put(first.runningJob, ref.id());
            }
            return Outcome.done(new SyncJob(first.runningJob, SyncStatus.IN_PROGRESS, OptionalInt.of(running ? 40 : 0),
                    OptionalLong.of(60), running, "async", Optional.empty(),
                    Optional.ofNullable(first.link == LinkState.ACTIVE && first.role == ReplicationRole.SOURCE
                            && first.name != null && first.name.contains("reversed") ? "pre-" + first.peerVolumeId : null)));
        });
    }

    @Override
    public Map<SyncQuery, Outcome<SyncJob>> syncStatus(String arrayId, List<SyncQuery> queries) throws DriverException {
        return each(arrayId, "syncStatus", queries, (a, q) -> a.jobs.containsKey(q.syncId())
                ? Outcome.done(new SyncJob(q.syncId(), SyncStatus.COMPLETE, OptionalInt.of(100), OptionalLong.of(0),
                        false, "async", Optional.empty(), Optional.empty()))
                : Outcome.failed(DriverError.UNKNOWN_SYNC, "no job", "SyncId", q.syncId()));
    }

    @Override
    public Map<ReplicaRequest, Outcome<TestCopyResult>> createTestCopies(String arrayId, List<ReplicaRequest> requests)
            throws DriverException {
        return each(arrayId, "createTestCopies", requests, (a, r) -> {
            Outcome<List<Vol>> m = members(a, r.replica(), true);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            for (Vol v : done.value()) {
                if (v.cloneId != null) {
                    return Outcome.failed(DriverError.TEST_COPY_EXISTS, "copy exists", "Key", r.replica().id());
                }
                if (v.role != ReplicationRole.TARGET || v.access == VolumeAccess.READ_WRITE) {
                    return Outcome.failed(DriverError.WRONG_STATE, "not a replica", "Object", v.id, "State", v.role.name());
                }
            }
            if (r.recoveryPointId().isPresent() && !done.value().get(0).recoveryPoints.contains(r.recoveryPointId().get())) {
                return Outcome.failed(DriverError.UNKNOWN_RECOVERY_POINT, "no such point", "RecoveryPoint",
                        r.recoveryPointId().get(), "Key", r.replica().id());
            }
            Map<String, String> clones = new LinkedHashMap<>();
            for (Vol v : done.value()) {
                v.cloneId = "clone-" + v.id;
                v.clonePoint = r.recoveryPointId().orElse(null);
                clones.put(v.id, v.cloneId);
            }
            String copyId = r.replica().isGroup() ? "gclone-" + r.replica().id() : clones.values().iterator().next();
            if (r.replica().isGroup()) {
                a.groups.get(r.replica().id()).copyId = copyId;
            }
            return Outcome.done(new TestCopyResult(new TestCopy(copyId, point(r.recoveryPointId().orElse(null)),
                    Optional.empty()), clones, Map.of("access", "r/w", "provisioning", "thin")));
        });
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> deleteTestCopies(String arrayId, List<ObjectRef> refs) throws DriverException {
        return each(arrayId, "deleteTestCopies", refs, (a, ref) -> {
            Outcome<List<Vol>> m = members(a, ref, true);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            boolean changed = false;
            for (Vol v : done.value()) {
                changed |= v.cloneId != null;
                v.cloneId = null;
                v.clonePresented = false;
            }
            if (ref.isGroup()) {
                a.groups.get(ref.id()).copyId = null;
            }
            return Outcome.done(new Change(changed, changed ? Map.of("deleted", "clones") : Map.of()));
        });
    }

    @Override
    public Map<PresentationRequest, Outcome<Presentation>> present(String arrayId, List<PresentationRequest> requests)
            throws DriverException {
        return each(arrayId, "present", requests, (a, r) -> {
            if (a.failPresentation.contains(r.volumeId())) {
                return Outcome.failed(DriverError.OPERATION_FAILED, "no host", "Object", r.volumeId(),
                        "Reason", "initiator iqn.esx9 is unknown");
            }
            for (Vol v : a.volumes.values()) {
                if (r.volumeId().equals(v.cloneId)) {
                    boolean changed = !v.clonePresented;
                    v.clonePresented = true;
                    return Outcome.done(new Presentation(identity(r.volumeId()), r.initiators(), changed, Map.of("access", "r/w")));
                }
            }
            Optional<Vol> v = a.volume(r.volumeId());
            if (v.isEmpty()) {
                return Outcome.failed(DriverError.UNKNOWN_DEVICE, "no volume", "DeviceId", r.volumeId());
            }
            boolean changed = !v.get().presented;
            v.get().presented = true;
            return Outcome.done(new Presentation(identity(r.volumeId()), r.initiators(), changed, Map.of("access", "r/w")));
        });
    }

    @Override
    public Map<String, Outcome<Change>> unpresent(String arrayId, List<String> ids) throws DriverException {
        return each(arrayId, "unpresent", ids, (a, id) -> {
            for (Vol v : a.volumes.values()) {
                if (id.equals(v.cloneId)) {
                    boolean changed = v.clonePresented;
                    v.clonePresented = false;
                    return Outcome.done(new Change(changed, Map.of("host", "iqn.esx1")));
                }
            }
            Optional<Vol> v = a.volume(id);
            if (v.isEmpty()) {
                return Outcome.failed(DriverError.UNKNOWN_DEVICE, "no volume", "DeviceId", id);
            }
            boolean changed = v.get().presented;
            v.get().presented = false;
            return Outcome.done(new Change(changed, Map.of("host", "iqn.esx1")));
        });
    }

    @Override
    public Map<ObjectRef, Outcome<Demotion>> demote(String arrayId, List<ObjectRef> refs) throws DriverException {
        return each(arrayId, "demote", refs, (a, ref) -> {
            Outcome<List<Vol>> m = members(a, ref, false);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            boolean changed = false;
            boolean peerPromoted = false;
            List<ProtectiveSnapshot> snapshots = new ArrayList<>();
            for (Vol v : done.value()) {
                if (v.role != ReplicationRole.SOURCE) {
                    return Outcome.failed(DriverError.WRONG_STATE, "not a source", "Object", v.id, "State", "target");
                }
                changed |= v.access == VolumeAccess.READ_WRITE;
                v.access = VolumeAccess.READ_ONLY;
                v.presented = false;
                Vol peer = fabric.array(v.peerArrayId).volumes.get(v.peerVolumeId);
                peerPromoted |= peer != null && peer.access == VolumeAccess.READ_WRITE;
                snapshots.add(new ProtectiveSnapshot("pre-" + v.id, v.id, point(null), Map.of("access", "r/o")));
            }
            if (ref.isGroup()) {
                a.groups.get(ref.id()).access = VolumeAccess.READ_ONLY;
            }
            return Outcome.done(new Demotion(changed, peerPromoted, snapshots, Map.of("masked", "all hosts")));
        });
    }

    @Override
    public Map<ReplicaRequest, Outcome<Promotion>> promote(String arrayId, List<ReplicaRequest> requests) throws DriverException {
        return each(arrayId, "promote", requests, (a, r) -> {
            Outcome<List<Vol>> m = members(a, r.replica(), true);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            boolean changed = false;
            Map<String, String> promoted = new LinkedHashMap<>();
            List<ProtectiveSnapshot> snapshots = new ArrayList<>();
            for (Vol v : done.value()) {
                if (v.role != ReplicationRole.TARGET) {
                    return Outcome.failed(DriverError.WRONG_STATE, "not a replica", "Object", v.id, "State", "source");
                }
                if (v.link == LinkState.INITIAL_SYNC) {
                    return Outcome.failed(DriverError.NO_REPLICA, "no replica", "Key", v.id);
                }
            }
            for (Vol v : done.value()) {
                changed |= v.access == VolumeAccess.READ_ONLY;
                v.access = VolumeAccess.READ_WRITE;
                v.link = LinkState.STOPPED;
                v.promotedId = v.id;
                promoted.put(v.id, v.promotedId);
                snapshots.add(new ProtectiveSnapshot("revert-" + v.id, v.id, point(null), Map.of("access", "r/o")));
            }
            if (r.replica().isGroup()) {
                a.groups.get(r.replica().id()).access = VolumeAccess.READ_WRITE;
            }
            return Outcome.done(new Promotion(changed, r.replica().isGroup() ? Optional.of(r.replica().id()) : Optional.empty(),
                    promoted, point(r.recoveryPointId().orElse(null)), "suspended per pair", snapshots, Map.of("access", "r/w")));
        });
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> prepareReverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return each(arrayId, "prepareReverseReplication", requests.stream().map(SettingsRequest::ref).toList(),
                (a, ref) -> members(a, ref, false) instanceof Outcome.Done<List<Vol>>
                        ? Outcome.done(Change.changed(Map.of("checked", "ready")))
                        : failure(members(a, ref, false)));
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> prepareRestoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return each(arrayId, "prepareRestoreReplication", requests.stream().map(SettingsRequest::ref).toList(),
                (a, ref) -> members(a, ref, false) instanceof Outcome.Done<List<Vol>>
                        ? Outcome.done(Change.changed(Map.of("checked", "ready")))
                        : failure(members(a, ref, false)));
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> reverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return swap(arrayId, "reverseReplication", requests, true);
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> restoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return swap(arrayId, "restoreReplication", requests, false);
    }

    /** Reverse: the promoted side becomes source. Restore: the original source side stays source. */
    private Map<ObjectRef, Outcome<ReplicationChange>> swap(String arrayId, String method, List<SettingsRequest> requests,
                                                            boolean reverse) throws DriverException {
        Map<ObjectRef, Outcome<ReplicationChange>> out = new LinkedHashMap<>();
        Map<SettingsRequest, Outcome<ReplicationChange>> byRequest = each(arrayId, method, requests, (a, r) -> {
            Outcome<List<Vol>> m = members(a, r.ref(), false);
            if (!(m instanceof Outcome.Done<List<Vol>> done)) {
                return failure(m);
            }
            boolean changed = false;
            for (Vol v : done.value()) {
                FakeArray peerArray = fabric.array(v.peerArrayId);
                if (!peerArray.reachable) {
                    return Outcome.failed(DriverError.OPERATION_FAILED, "peer down", "Object", v.id, "Reason", "peer unreachable");
                }
                Vol peer = peerArray.volumes.get(v.peerVolumeId);
                Vol promotedSide = v.role == ReplicationRole.TARGET ? v : peer;
                Vol sourceSide = v.role == ReplicationRole.TARGET ? peer : v;
                boolean failedOver = promotedSide.role == ReplicationRole.TARGET && promotedSide.access == VolumeAccess.READ_WRITE;
                if (!failedOver) {
                    boolean direction = reverse ? sourceSide.name != null && sourceSide.name.contains("reversed")
                            : sourceSide.access == VolumeAccess.READ_WRITE;
                    if (!direction) {
                        return Outcome.failed(DriverError.WRONG_STATE, "not failed over", "Object", v.id, "State", "not failed over");
                    }
                    continue;
                }
                changed = true;
                Vol newSource = reverse ? promotedSide : sourceSide;
                Vol newTarget = reverse ? sourceSide : promotedSide;
                newSource.role = ReplicationRole.SOURCE;
                newSource.access = VolumeAccess.READ_WRITE;
                newSource.link = LinkState.ACTIVE;
                newSource.promotedId = null;
                if (reverse) {
                    newSource.name = newSource.name + " reversed";
                }
                newTarget.role = ReplicationRole.TARGET;
                newTarget.access = VolumeAccess.READ_ONLY;
                newTarget.link = LinkState.ACTIVE;
                newTarget.presented = false;
                newTarget.promotedId = null;
            }
            if (r.ref().isGroup()) {
                Grp g = a.groups.get(r.ref().id());
                Grp pg = fabric.array(g.peerArrayId).groups.get(g.peerGroupId);
                Grp promotedSide = g.role == ReplicationRole.TARGET ? g : pg;
                Grp sourceSide = g.role == ReplicationRole.TARGET ? pg : g;
                if (changed) {
                    (reverse ? promotedSide : sourceSide).role = ReplicationRole.SOURCE;
                    (reverse ? promotedSide : sourceSide).access = VolumeAccess.READ_WRITE;
                    (reverse ? sourceSide : promotedSide).role = ReplicationRole.TARGET;
                    (reverse ? sourceSide : promotedSide).access = VolumeAccess.READ_ONLY;
                }
            }
            Optional<String> problem = r.settings().map(s -> s.values().get("rpo")).filter(v -> !v.matches("\\d+"))
                    .map(v -> "rpo " + v + " is not a number of seconds");
            Map<String, String> applied = problem.isPresent() || r.settings().isEmpty() ? Map.of("rpo", "300")
                    : r.settings().get().values();
            return Outcome.done(new ReplicationChange(changed, applied, problem,
                    Optional.of((reverse ? "pre-" : "revert-") + done.value().get(0).id), Map.of("direction", reverse ? "reversed" : "restored")));
        });
        byRequest.forEach((request, outcome) -> out.put(request.ref(), outcome));
        return out;
    }

    @Override
    public void close() {
        calls.computeIfAbsent("close", m -> new AtomicInteger()).incrementAndGet();
    }

    static DriverFailure failure(DriverError error, String... placeholders) {
        return DriverFailure.of(error, error.name(), placeholders);
    }
}
