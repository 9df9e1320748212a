package org.opensra.driver.ceph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.spi.Change;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.TestCopy;
import org.opensra.spi.TestCopyResult;

/**
 * Test failover at the recovery site (TF-2, TF-3, TF-6, TF-7): a v2 clone {@code <image>.opensra-test}
 * of the newest sync snapshot the replica holds complete (a user snapshot copied before a complete
 * mirror snapshot). The replica is not touched and rbd-mirror keeps replicating into it. Needs
 * {@code ceph osd set-require-min-compat-client mimic} on the recovery cluster (clone v2).
 */
final class TestCopies {
    private final Site site;

    TestCopies(Site site) {
        this.site = site;
    }

    Map<ReplicaRequest, Outcome<TestCopyResult>> create(List<ReplicaRequest> requests) throws DriverException {
        Listing all = site.listing();
        Map<ReplicaRequest, Outcome<TestCopyResult>> out = new LinkedHashMap<>();
        for (ReplicaRequest r : requests) {
            out.put(r, createOne(r, all));
        }
        return out;
    }

    private Outcome<TestCopyResult> createOne(ReplicaRequest r, Listing all) throws DriverException {
        ObjectRef ref = r.replica();
        if (ref.isGroup()) {
            return Outcome.failed(DriverError.UNKNOWN_GROUP, "no groups on this array", "GroupId", ref.id());
        }
        Image image = all.get(ref.id());
        if (image == null || !image.mirrored()) {
            return Outcome.failed(DriverError.UNKNOWN_KEY, "no mirrored image " + ref.id(), "Key", ref.id());
        }
        if (r.recoveryPointId().isPresent() && !RecoveryPoint.LATEST.equals(r.recoveryPointId().get())) {
            return Outcome.failed(DriverError.UNKNOWN_RECOVERY_POINT, "only the latest data can be copied",
                    "RecoveryPoint", r.recoveryPointId().get(), "Key", ref.id());
        }
        Roles roles = Roles.of(image, all);
        if (!roles.isReplica()) {
            return Outcome.failed(DriverError.WRONG_STATE, ref.id() + " is " + roles.state() + ", not a replica",
                    "Object", ref.id(), "State", roles.state());
        }
        String copy = Names.testCopy(image.spec());
        if (all.has(Names.testMarker(image.spec()))) {
            return Outcome.failed(DriverError.TEST_COPY_EXISTS, "test copy " + copy + " exists", "Key", ref.id());
        }
        Optional<Image.Snap> complete = image.lastCompleteMirror();
        if (complete.isEmpty()) {
            return Outcome.failed(DriverError.NO_REPLICA, ref.id() + " has no complete replicated data yet", "Key",
                    ref.id());
        }
        Optional<Image.Snap> base = base(image, complete.get().id());
        if (base.isEmpty()) {
            return Outcome.failed(DriverError.OPERATION_FAILED, ref.id() + " holds no replicated sync snapshot to "
                    + "clone; run syncOnce first", "Object", ref.id(), "Reason", "no replicated sync snapshot");
        }
        try {
            site.ensureMarker(Names.testMarker(image.spec()));
            site.clone(image.spec(), base.get().name(), copy);
        } catch (DashboardException e) {
            try {
                site.deleteMarker(Names.testMarker(image.spec()));
            } catch (DashboardException ignored) {
                // the next create or delete of the test copy clears it
            }
            return Outcome.failed(DriverError.OPERATION_FAILED, "clone of " + ref.id() + " failed: " + e.getMessage()
                    + (e.getMessage().contains("nvalid argument") ? " (does the recovery cluster require min compat "
                    + "client mimic, needed for clone v2?)" : ""), "Object", ref.id(), "Reason", e.getMessage());
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("base snapshot", base.get().name());
        params.put("clone", "copy-on-write clone (format 2)");
        params.put("access", "read-write");
        RecoveryPoint point = RecoveryPoint.latest(base.get().time());
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(image.spec(), copy);
        return Outcome.done(new TestCopyResult(new TestCopy(copy, point, Optional.empty()), ids, params));
    }

    /** The newest driver snapshot (sync or pre-failover) older than the complete mirror snapshot {@code before}. */
    static Optional<Image.Snap> base(Image image, long before) {
        Optional<Image.Snap> found = Optional.empty();
        for (Image.Snap s : image.snaps()) {
            if (s.namespace() == Image.USER && s.id() < before && (s.name().startsWith(Names.SYNC_SNAP_PREFIX)
                    || s.name().startsWith(Names.PREFAILOVER_PREFIX))) {
                found = Optional.of(s);
            }
        }
        return found;
    }

    Map<ObjectRef, Outcome<Change>> delete(List<ObjectRef> replicas) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<Change>> out = new LinkedHashMap<>();
        for (ObjectRef ref : replicas) {
            if (ref.isGroup()) {
                out.put(ref, Outcome.failed(DriverError.UNKNOWN_GROUP, "no groups on this array", "GroupId", ref.id()));
                continue;
            }
            if (all.get(ref.id()) == null) {
                out.put(ref, Outcome.failed(DriverError.UNKNOWN_KEY, "no mirrored image " + ref.id(), "Key", ref.id()));
                continue;
            }
            String copy = Names.testCopy(ref.id());
            try {
                boolean deleted = site.deleteImage(copy);
                deleted = site.deleteMarker(Names.testMarker(ref.id())) || deleted;
                Map<String, String> details = new LinkedHashMap<>();
                details.put("deleted clone", copy);
                out.put(ref, Outcome.done(deleted ? Change.changed(details) : Change.unchanged()));
            } catch (DashboardException e) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "cannot delete " + copy + ": "
                        + e.getMessage(), "Object", copy, "Reason", e.getMessage()));
            }
        }
        return out;
    }
}
