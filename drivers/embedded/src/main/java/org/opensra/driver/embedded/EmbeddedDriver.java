package org.opensra.driver.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.opensra.driver.embedded.Failures.Subject;
import org.opensra.driver.embedded.json.JsonException;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayInfo;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.Demotion;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;
import org.opensra.spi.Promotion;
import org.opensra.spi.ProtectiveSnapshot;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.ReplicationSettings;
import org.opensra.spi.SettingsRequest;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.SyncStatus;
import org.opensra.spi.TestCopy;
import org.opensra.spi.TestCopyResult;

/**
 * A session on one embedded array (array/API.md). Every batch of the SPI is one batch call of the
 * API (one per distinct recovery point where the API takes one per call), so 1,000 devices cost a
 * handful of round trips. Ids are the array's own ids (docs/ARCHITECTURE.md, "Identifiers").
 */
final class EmbeddedDriver implements ArrayDriver {
    private final ArrayClient client;
    private final JsonObject array;
    private final IdentityForm form;
    private final InventoryReader reader;
    private final Presenter presenter;

    EmbeddedDriver(ArrayClient client, JsonObject array, DriverOptions options) {
        this.client = client;
        this.array = array;
        this.form = options.identity();
        this.reader = new InventoryReader(options.identity());
        this.presenter = new Presenter(client, options);
    }

    /**
     * The session check: reads the array without probing its peers ({@code probe=false}), so that a
     * dead peer site costs no command its probe timeout; no command of the SRA needs the peers'
     * reachability (discoverArrays lists the peers' ids only, and failover works with the peer down,
     * FO-5). The array contacts a peer only where an operation needs it.
     */
    static final String SESSION_CHECK = "/array?probe=false";

    /** Opens a session: one {@code GET /array} checks the address and the credentials. */
    static EmbeddedDriver open(ArrayClient client, DriverOptions options) throws DriverException {
        JsonObject array = get(client, SESSION_CHECK, "read the array");
        try {
            array.string("id");
        } catch (JsonException e) {
            throw malformed(client, "/array", e);
        }
        return new EmbeddedDriver(client, array, options);
    }

    String arrayId() {
        return array.string("id");
    }

    // ---------------------------------------------------------------- discovery

    @Override
    public List<ArrayInfo> arrays() throws DriverException {
        try {
            JsonObject software = array.optObject("software").orElse(null);
            List<String> peers = new ArrayList<>();
            for (JsonObject peer : array.objects("peers")) {
                peers.add(peer.string("id"));
            }
            return List.of(new ArrayInfo(arrayId(), array.optString("name"),
                    new DriverDescription.ArrayModel(array.optString("model").orElse(EmbeddedDescription.MODEL),
                            EmbeddedDescription.VENDOR),
                    new DriverDescription.Software(
                            software == null ? EmbeddedDescription.SOFTWARE
                                    : software.optString("name").orElse(EmbeddedDescription.SOFTWARE),
                            software == null ? "" : software.optString("version").orElse("")),
                    peers));
        } catch (JsonException e) {
            throw malformed(client, "/array", e);
        }
    }

    @Override
    public ArrayInventory inventory(String arrayId) throws DriverException {
        checkArray(arrayId);
        ReplicationListing listing = listing();
        try {
            Map<String, RecoveryPoint> points = clonePoints(listing);
            Optional<JsonObject> hostGroups = form == IdentityForm.LUN_INITIATOR_GROUP
                    ? Optional.of(get(client, "/host-groups", "list host groups")) : Optional.empty();
            return reader.read(array, listing, points, hostGroups);
        } catch (JsonException e) {
            throw malformed(client, "/replication", e);
        }
    }

    /** Recovery points of the replicas that have test clones, by point id (for the clones' times). */
    private Map<String, RecoveryPoint> clonePoints(ReplicationListing listing) throws DriverException {
        Map<String, Boolean> owners = InventoryReader.replicasWithClones(listing);
        Map<String, RecoveryPoint> points = new HashMap<>();
        if (owners.isEmpty()) {
            return points;
        }
        List<ObjectRef> refs = new ArrayList<>();
        owners.forEach((id, group) -> refs.add(group ? ObjectRef.group(id) : ObjectRef.volume(id)));
        RefBatch batch = new RefBatch(refs);
        JsonObject answer = post("/replication/recovery-points", batch.body(Map.of()), "list recovery points");
        for (JsonObject item : batch.items(answer).values()) {
            if (item.bool("ok", false)) {
                for (JsonObject rp : item.objects("recoveryPoints")) {
                    RecoveryPoint point = InventoryReader.fromJson(rp);
                    points.put(rp.string("id"), point);
                    points.put(point.id(), point);
                }
            }
        }
        return points;
    }

    // ---------------------------------------------------------------- optional queries

    @Override
    public Map<String, Outcome<Map<String, String>>> deviceDetails(String arrayId, List<String> volumeIds)
            throws DriverException {
        checkArray(arrayId);
        ReplicationListing listing = listing();
        Map<String, Outcome<Map<String, String>>> out = new LinkedHashMap<>();
        for (String id : volumeIds) {
            if (out.containsKey(id)) {
                continue;
            }
            Optional<JsonObject> pair = listing.pairOfLocal(id);
            if (pair.isPresent()) {
                JsonObject p = pair.get();
                JsonObject local = ReplicationListing.localVolume(p);
                Map<String, String> props = new LinkedHashMap<>();
                local.optLong("sizeBytes").ifPresent(v -> props.put(EmbeddedDescription.CAPACITY, Long.toString(v)));
                local.optString("wwn").ifPresent(v -> props.put(EmbeddedDescription.WWN, Identities.withColons(v)));
                Map<String, String> settings = ReplicationListing.settings(p);
                props.put(EmbeddedDescription.MODE, settings.get("mode"));
                Optional.ofNullable(settings.get("rpoSeconds")).ifPresent(v -> props.put(EmbeddedDescription.RPO, v));
                props.put(EmbeddedDescription.LAST_SYNC, p.optString("lastSync").orElse("never"));
                Optional.ofNullable(settings.get("keep")).ifPresent(v -> props.put(EmbeddedDescription.KEEP, v));
                out.put(id, Outcome.done(props));
            } else {
                out.put(id, Outcome.failed(Failures.unknown(ObjectRef.volume(id), Subject.DEVICE,
                        "volume " + id + " is not a replicated volume of " + arrayId)));
            }
        }
        return out;
    }

    @Override
    public Map<ObjectRef, Outcome<List<RecoveryPoint>>> recoveryPoints(String arrayId, List<ObjectRef> replicas)
            throws DriverException {
        checkArray(arrayId);
        return batch("/replication/recovery-points", replicas, Map.of(), Subject.REPLICA, Optional.empty(),
                "list recovery points", (ref, item) -> {
                    List<RecoveryPoint> points = new ArrayList<>();
                    for (JsonObject rp : item.objects("recoveryPoints")) {
                        points.add(InventoryReader.fromJson(rp));
                    }
                    return points;
                });
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationSettings>> replicationSettings(String arrayId, List<ObjectRef> refs)
            throws DriverException {
        checkArray(arrayId);
        ReplicationListing listing = listing();
        Map<ObjectRef, Outcome<ReplicationSettings>> out = new LinkedHashMap<>();
        for (ObjectRef ref : refs) {
            Optional<JsonObject> found = ref.isGroup() ? listing.group(ref.id()) : listing.pairOfAny(ref.id());
            out.put(ref, found.<Outcome<ReplicationSettings>>map(
                    o -> Outcome.done(new ReplicationSettings(ReplicationListing.settings(o))))
                    .orElseGet(() -> Outcome.failed(Failures.unknown(ref, Subject.SOURCE,
                            ref + " is not replicated on " + arrayId))));
        }
        return out;
    }

    // ---------------------------------------------------------------- sync

    @Override
    public Map<ObjectRef, Outcome<SyncJob>> startSync(String arrayId, List<ObjectRef> refs) throws DriverException {
        checkArray(arrayId);
        ReplicationListing before = listing();
        Map<ObjectRef, Outcome<Outcome<SyncJob>>> started = batch("/replication/sync", refs, Map.of(), Subject.SOURCE,
                Optional.empty(), "start replication", (ref, item) -> syncOutcome(ref, item.string("jobId"), item,
                        item.bool("alreadyRunning", false), failsafe(before, ref)));
        Map<ObjectRef, Outcome<SyncJob>> out = new LinkedHashMap<>();
        started.forEach((ref, outcome) -> out.put(ref, outcome instanceof Outcome.Done<Outcome<SyncJob>> done
                ? done.value() : Outcome.failed(((Outcome.Failed<Outcome<SyncJob>>) outcome).failure())));
        return out;
    }

    @Override
    public Map<SyncQuery, Outcome<SyncJob>> syncStatus(String arrayId, List<SyncQuery> queries) throws DriverException {
        checkArray(arrayId);
        Map<SyncQuery, Outcome<SyncJob>> out = new LinkedHashMap<>();
        for (SyncQuery query : queries) {
            if (out.containsKey(query)) {
                continue;
            }
            if (!RefBatch.isArrayId(query.syncId())) {
                out.put(query, Outcome.failed(DriverError.UNKNOWN_SYNC, "no job " + query.syncId(),
                        "SyncId", query.syncId()));
                continue;
            }
            try {
                JsonObject job = client.get("/jobs/" + ArrayClient.segment(query.syncId()));
                out.put(query, syncOutcome(query.ref(), query.syncId(), job, false, Optional.empty()));
            } catch (ApiException e) {
                if (e.error().is("NOT_FOUND")) {
                    out.put(query, Outcome.failed(DriverError.UNKNOWN_SYNC, e.error().message(),
                            "SyncId", query.syncId()));
                } else {
                    out.put(query, Outcome.failed(Failures.item(e.error(), query.ref(), Subject.SOURCE, Optional.empty())));
                }
            } catch (JsonException e) {
                throw malformed(client, "/jobs", e);
            }
        }
        return out;
    }

    private static SyncJob job(String id, JsonObject item, boolean alreadyRunning, Optional<String> failsafe) {
        String state = item.optString("state").orElse("running");
        SyncStatus status = "complete".equals(state) ? SyncStatus.COMPLETE : SyncStatus.IN_PROGRESS;
        OptionalLong percent = item.optLong("percent");
        OptionalLong remaining = item.optLong("remainingSeconds");
        return new SyncJob(id, status,
                percent.isPresent() ? OptionalInt.of((int) Math.max(0, Math.min(100, percent.getAsLong())))
                        : OptionalInt.empty(),
                remaining.isPresent() ? OptionalLong.of(Math.max(0, remaining.getAsLong())) : OptionalLong.empty(),
                alreadyRunning, "async", Optional.empty(), failsafe);
    }

    /** A job the array reports failed is a broken replication (SYNC-3, SYNC-5); otherwise the job. */
    private static Outcome<SyncJob> syncOutcome(ObjectRef ref, String jobId, JsonObject job, boolean alreadyRunning,
                                                Optional<String> failsafe) {
        if ("failed".equals(job.optString("state").orElse(""))) {
            String reason = job.optObject("error").flatMap(e -> e.optString("message")).orElse("the transfer failed");
            return Outcome.failed(DriverError.REPLICATION_BROKEN, "replication job " + jobId + " of " + ref
                    + " failed: " + reason, "Object", ref.id(), "Reason", reason);
        }
        return Outcome.done(job(jobId, job, alreadyRunning, failsafe));
    }

    /** The snapshot keeping a usable copy at the destination after reverse/restore (REV-4, RES-3). */
    private static Optional<String> failsafe(ReplicationListing listing, ObjectRef ref) {
        if (ref.isGroup()) {
            return listing.group(ref.id()).flatMap(g -> {
                List<String> names = new ArrayList<>();
                for (String key : List.of("prepromoteSnapshots", "prefailoverSnapshots")) {
                    g.objects(key).forEach(s -> names.add(s.optString("name").orElse(s.string("id"))));
                    if (!names.isEmpty()) {
                        break;
                    }
                }
                return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
            });
        }
        return listing.pairOfAny(ref.id()).flatMap(p -> p.optObject("prepromoteSnapshot")
                .or(() -> p.optObject("prefailoverSnapshot"))
                .map(s -> s.optString("name").orElse(s.string("id"))));
    }

    // ---------------------------------------------------------------- test failover

    @Override
    public Map<ReplicaRequest, Outcome<TestCopyResult>> createTestCopies(String arrayId, List<ReplicaRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        Map<ReplicaRequest, Outcome<TestCopyResult>> out = new LinkedHashMap<>();
        for (Map.Entry<Optional<String>, List<ReplicaRequest>> byPoint : byRecoveryPoint(requests).entrySet()) {
            Optional<String> rp = byPoint.getKey();
            Map<String, Object> extra = new LinkedHashMap<>();
            rp.ifPresent(id -> extra.put("recoveryPoint", id));
            extra.put("name", "srm-test");
            List<ObjectRef> refs = byPoint.getValue().stream().map(ReplicaRequest::replica).toList();
            Map<ObjectRef, Outcome<TestCopyResult>> answers = batch("/replication/test-clones", refs, extra,
                    Subject.REPLICA, rp, "create test clones", (ref, item) -> testCopy(ref, item, rp));
            for (ReplicaRequest request : byPoint.getValue()) {
                out.put(request, answers.get(request.replica()));
            }
        }
        return out;
    }

    private static TestCopyResult testCopy(ObjectRef ref, JsonObject item, Optional<String> requestedPoint) {
        RecoveryPoint point = item.optObject("recoveryPoint").map(InventoryReader::fromJson)
                .orElseGet(() -> new RecoveryPoint(requestedPoint.orElse(RecoveryPoint.LATEST), Optional.empty(),
                        Instant.now(), false));
        Map<String, String> clones = new LinkedHashMap<>();
        for (JsonObject clone : item.objects("clones")) {
            clones.put(clone.optString("replicaId").orElse(ref.id()), clone.string("id"));
        }
        if (clones.isEmpty()) {
            throw new JsonException("the array created no clone for " + ref);
        }
        String copyId = ref.isGroup() ? InventoryReader.groupCopyId(ref.id()) : clones.values().iterator().next();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("access", "read-write");
        parameters.put("provisioning", "copy-on-write clone");
        parameters.put("base", point.id() + " (" + point.time() + ")");
        return new TestCopyResult(new TestCopy(copyId, point, Optional.empty()), clones, parameters);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> deleteTestCopies(String arrayId, List<ObjectRef> replicas)
            throws DriverException {
        checkArray(arrayId);
        return batch("/replication/test-clones/delete", replicas, Map.of(), Subject.REPLICA, Optional.empty(),
                "delete test clones", (ref, item) -> {
                    List<String> deleted = item.strings("deleted");
                    boolean changed = !item.bool("noop", deleted.isEmpty());
                    return new Change(changed, deleted.isEmpty() ? Map.of() : Map.of("deleted", String.join(", ", deleted)));
                });
    }

    // ---------------------------------------------------------------- presentation

    @Override
    public Map<PresentationRequest, Outcome<Presentation>> present(String arrayId, List<PresentationRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        return presenter.present(requests);
    }

    @Override
    public Map<String, Outcome<Change>> unpresent(String arrayId, List<String> volumeIds) throws DriverException {
        checkArray(arrayId);
        return presenter.unpresent(volumeIds);
    }

    // ---------------------------------------------------------------- failover

    @Override
    public Map<ObjectRef, Outcome<Demotion>> demote(String arrayId, List<ObjectRef> sources) throws DriverException {
        checkArray(arrayId);
        Instant called = Instant.now();
        return batch("/replication/demote", sources, Map.of(), Subject.SOURCE, Optional.empty(), "demote sources",
                (ref, item) -> {
                    List<ProtectiveSnapshot> snapshots = snapshots(item, called, "prefailover");
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("access", "read-only");
                    details.put("replication", "stopped at the source until reverse or restore");
                    return new Demotion(!item.bool("noop", false), item.bool("peerPromoted", false), snapshots, details);
                });
    }

    @Override
    public Map<ReplicaRequest, Outcome<Promotion>> promote(String arrayId, List<ReplicaRequest> replicas)
            throws DriverException {
        checkArray(arrayId);
        Map<ReplicaRequest, Outcome<Promotion>> out = new LinkedHashMap<>();
        Instant called = Instant.now();
        for (Map.Entry<Optional<String>, List<ReplicaRequest>> byPoint : byRecoveryPoint(replicas).entrySet()) {
            Optional<String> rp = byPoint.getKey();
            Map<String, Object> extra = new LinkedHashMap<>();
            rp.ifPresent(id -> extra.put("recoveryPoint", id));
            List<ObjectRef> refs = byPoint.getValue().stream().map(ReplicaRequest::replica).toList();
            Map<ObjectRef, Outcome<Promotion>> answers = batch("/replication/promote", refs, extra, Subject.REPLICA,
                    rp, "promote replicas", (ref, item) -> promotion(ref, item, rp, called));
            for (ReplicaRequest request : byPoint.getValue()) {
                out.put(request, answers.get(request.replica()));
            }
        }
        return out;
    }

    private static Promotion promotion(ObjectRef ref, JsonObject item, Optional<String> requestedPoint, Instant called) {
        RecoveryPoint point = item.optObject("recoveryPoint").map(InventoryReader::fromJson)
                .orElseGet(() -> new RecoveryPoint(requestedPoint.orElse(RecoveryPoint.LATEST), Optional.empty(),
                        called, false));
        Map<String, String> promoted = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (JsonObject volume : item.objects("volumes")) {
            promoted.put(volume.string("id"), volume.string("id"));
            parameters.put(volume.string("id") + ".access", volume.optString("access").orElse("read-write"));
        }
        if (promoted.isEmpty() && !ref.isGroup()) {
            promoted.put(ref.id(), ref.id());
        }
        return new Promotion(!item.bool("noop", false), ref.isGroup() ? Optional.of(ref.id()) : Optional.empty(),
                promoted, point, "replication into the replica suspended (pair state suspended)",
                snapshots(item, called, "prepromote"), parameters);
    }

    private static List<ProtectiveSnapshot> snapshots(JsonObject item, Instant called, String kind) {
        List<ProtectiveSnapshot> out = new ArrayList<>();
        for (JsonObject s : item.objects("snapshots")) {
            Instant time = Times.parse(s.optString("time")).orElse(called);
            String id = s.string("id");
            out.add(new ProtectiveSnapshot(id, s.optString("volumeId").orElse(""),
                    new RecoveryPoint(id, s.optString("name"), time, false),
                    Map.of("kind", kind, "name", s.optString("name").orElse(id))));
        }
        return out;
    }

    // ---------------------------------------------------------------- reverse and restore

    /**
     * The array reverses a pair or group in one call from either side (at the desired source), so the
     * opposite site has nothing to change on the array once the adapter has removed host access: this
     * checks that each item is a replicated device or group of this array and reports its role.
     */
    @Override
    public Map<ObjectRef, Outcome<Change>> prepareReverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return prepare(arrayId, requests, "reverse");
    }

    /** As {@link #prepareReverseReplication}, for restore. */
    @Override
    public Map<ObjectRef, Outcome<Change>> prepareRestoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return prepare(arrayId, requests, "restore");
    }

    private Map<ObjectRef, Outcome<Change>> prepare(String arrayId, List<SettingsRequest> requests, String operation)
            throws DriverException {
        checkArray(arrayId);
        ReplicationListing now = listing();
        Map<ObjectRef, Outcome<Change>> out = new LinkedHashMap<>();
        for (SettingsRequest request : requests) {
            ObjectRef ref = request.ref();
            Optional<JsonObject> item = ref.isGroup() ? now.group(ref.id()) : now.pairOfAny(ref.id());
            out.put(ref, item.<Outcome<Change>>map(i -> Outcome.done(Change.changed(Map.of(
                            "role", i.optString("role").orElse("unknown"),
                            "array", "nothing to change here: the " + operation + " acts on both arrays"))))
                    .orElseGet(() -> Outcome.failed(Failures.unknown(ref, Subject.DEVICE,
                            ref.id() + " is not replicated by array " + arrayId))));
        }
        return out;
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> reverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return replicationChange(arrayId, requests, "/replication/reverse", "reverse replication", "prefailoverSnapshot");
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> restoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        return replicationChange(arrayId, requests, "/replication/restore", "restore replication", "prepromoteSnapshot");
    }

    private Map<ObjectRef, Outcome<ReplicationChange>> replicationChange(String arrayId, List<SettingsRequest> requests,
                                                                         String path, String operation, String failsafeKey)
            throws DriverException {
        checkArray(arrayId);
        Map<ObjectRef, Optional<ReplicationSettings>> hints = new LinkedHashMap<>();
        requests.forEach(r -> hints.putIfAbsent(r.ref(), r.settings()));
        List<ObjectRef> refs = new ArrayList<>(hints.keySet());
        Map<ObjectRef, Outcome<JsonObject>> answers = batch(path, refs, Map.of(), Subject.DEVICE, Optional.empty(),
                operation, (ref, item) -> item);
        ReplicationListing after = listing();
        Map<ObjectRef, Outcome<ReplicationChange>> out = new LinkedHashMap<>();
        for (ObjectRef ref : refs) {
            Outcome<JsonObject> answer = answers.get(ref);
            if (answer instanceof Outcome.Failed<JsonObject> failed) {
                out.put(ref, Outcome.failed(failed.failure()));
                continue;
            }
            JsonObject item = ((Outcome.Done<JsonObject>) answer).value();
            Optional<JsonObject> now = ref.isGroup() ? after.group(ref.id()) : after.pairOfAny(ref.id());
            Map<String, String> applied = now.map(ReplicationListing::settings).orElse(Map.of());
            Map<String, String> details = new LinkedHashMap<>();
            item.optString("sourceArrayId").ifPresent(s -> details.put("sourceArrayId", s));
            for (JsonObject v : item.objects("volumes")) {
                details.put(v.string("id"), v.optString("role").orElse("?"));
            }
            Optional<String> failsafe = ref.isGroup() ? failsafe(after, ref)
                    : now.flatMap(p -> p.optObject(failsafeKey)).map(s -> s.optString("name").orElse(s.string("id")))
                            .or(() -> failsafe(after, ref));
            out.put(ref, Outcome.done(new ReplicationChange(!item.bool("noop", false), applied,
                    SettingsCheck.problem(hints.get(ref), applied), failsafe, details)));
        }
        return out;
    }

    @Override
    public void close() {
        // HttpURLConnection keeps idle connections in the JDK's keep-alive cache; nothing to release here.
    }

    // ---------------------------------------------------------------- plumbing

    private void checkArray(String arrayId) throws DriverException {
        if (!arrayId().equals(arrayId)) {
            throw DriverFailure.of(DriverError.UNKNOWN_ARRAY, "the array at " + client.address().text()
                    + " is " + arrayId() + ", not " + arrayId, "ArrayId", arrayId).toException();
        }
    }

    private ReplicationListing listing() throws DriverException {
        JsonObject answer = get(client, "/replication", "list replication");
        try {
            return new ReplicationListing(answer);
        } catch (JsonException e) {
            throw malformed(client, "/replication", e);
        }
    }

    private static Map<Optional<String>, List<ReplicaRequest>> byRecoveryPoint(List<ReplicaRequest> requests) {
        Map<Optional<String>, List<ReplicaRequest>> out = new LinkedHashMap<>();
        for (ReplicaRequest r : requests) {
            Optional<String> point = r.recoveryPointId().filter(id -> !id.isBlank() && !RecoveryPoint.LATEST.equals(id));
            out.computeIfAbsent(point, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /**
     * One batch call; per ref either the value read from its successful item or its failure. Refs the
     * array did not answer for are failures too (RESP-1 completeness).
     */
    private <T> Map<ObjectRef, Outcome<T>> batch(String path, List<ObjectRef> refs, Map<String, Object> extra,
                                                 Subject subject, Optional<String> recoveryPoint, String operation,
                                                 BiFunction<ObjectRef, JsonObject, T> read) throws DriverException {
        RefBatch batch = new RefBatch(refs);
        Map<ObjectRef, JsonObject> items = batch.isEmpty() ? Map.of() : batch.items(post(path, batch.body(extra), operation));
        Map<ObjectRef, Outcome<T>> out = new LinkedHashMap<>();
        for (ObjectRef ref : refs) {
            if (out.containsKey(ref)) {
                continue;
            }
            if (batch.rejected().contains(ref)) {
                out.put(ref, Outcome.failed(Failures.unknown(ref, subject, ref + " is not an id of this array")));
                continue;
            }
            JsonObject item = items.get(ref);
            if (item == null) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "the array did not answer for " + ref,
                        "Object", ref.id(), "Reason", "no answer from the array for this item"));
                continue;
            }
            try {
                if (item.bool("ok", false)) {
                    out.put(ref, Outcome.done(read.apply(ref, item)));
                } else {
                    ApiError error = item.optObject("error").map(ApiError::from)
                            .orElse(new ApiError("INTERNAL", "failed without a reason", Optional.of(ref.id())));
                    out.put(ref, Outcome.failed(Failures.item(error, ref, subject, recoveryPoint)));
                }
            } catch (JsonException e) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "malformed answer for " + ref + ": "
                        + e.getMessage(), "Object", ref.id(), "Reason", "malformed answer: " + e.getMessage()));
            }
        }
        return out;
    }

    private JsonObject post(String path, Object body, String operation) throws DriverException {
        try {
            return client.post(path, body);
        } catch (ApiException e) {
            throw Failures.whole(e, operation);
        }
    }

    private static JsonObject get(ArrayClient client, String path, String operation) throws DriverException {
        try {
            return client.get(path);
        } catch (ApiException e) {
            throw Failures.whole(e, operation);
        }
    }

    private static DriverException malformed(ArrayClient client, String path, JsonException e) {
        return DriverFailure.of(DriverError.OPERATION_FAILED, "unexpected answer of " + client.address().text()
                + " to " + path + ": " + e.getMessage(), "Object", client.address().text(),
                "Reason", "unexpected answer: " + e.getMessage()).toException();
    }
}
