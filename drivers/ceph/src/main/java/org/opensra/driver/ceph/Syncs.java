package org.opensra.driver.ceph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.SyncStatus;

/**
 * syncOnce and querySyncStatus at the source (SYNC-1..SYNC-3). A sync is a user snapshot (what test
 * copies are cloned from: a non-primary image takes no snapshot and its mirror snapshots cannot be
 * cloned) followed by a mirror snapshot; the job id is the mirror snapshot's id. The API has no
 * per-image sync status, so it is read from the primary's snapshots: rbd-mirror unlinks its peer from
 * a mirror snapshot once it has copied a newer one, so snapshot N is copied when no older mirror
 * snapshot is still linked to a peer.
 */
final class Syncs {
    static final int SYNC_SNAPS_KEPT = 2;
    private final Site site;

    Syncs(Site site) {
        this.site = site;
    }

    Map<ObjectRef, Outcome<SyncJob>> start(List<ObjectRef> refs) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<SyncJob>> out = new LinkedHashMap<>();
        for (ObjectRef ref : refs) {
            out.put(ref, startOne(ref, all));
        }
        return out;
    }

    private Outcome<SyncJob> startOne(ObjectRef ref, Listing all) throws DriverException {
        if (ref.isGroup()) {
            return Outcome.failed(DriverError.UNKNOWN_GROUP, "no groups on this array", "GroupId", ref.id());
        }
        Image image = all.get(ref.id());
        if (image == null || !image.mirrored()) {
            return Outcome.failed(DriverError.UNKNOWN_DEVICE, "no mirrored image " + ref.id(), "DeviceId", ref.id());
        }
        Roles roles = Roles.of(image, all);
        if (roles.isDemotedSource() && image.lastMirror().isPresent()) {
            // after prepareFailover: the demotion took the last mirror snapshot; its copy is the sync
            Image.Snap last = image.lastMirror().get();
            boolean done = image.isNonPrimary() || copied(image, last.id());
            return Outcome.done(job(last, done ? SyncStatus.COMPLETE : SyncStatus.IN_PROGRESS, false));
        }
        if (!roles.isSource()) {
            return Outcome.failed(DriverError.WRONG_STATE, ref.id() + " is " + roles.state() + ", not a source",
                    "Object", ref.id(), "State", roles.state());
        }
        Optional<Image.Snap> running = runningJob(image);
        if (running.isPresent()) {
            return Outcome.done(job(running.get(), SyncStatus.IN_PROGRESS, true));
        }
        String snapName = Names.SYNC_SNAP_PREFIX + System.currentTimeMillis();
        try {
            site.createSnapshot(image.spec(), snapName);
            site.createMirrorSnapshot(image.spec());
        } catch (DashboardException e) {
            return Outcome.failed(DriverError.OPERATION_FAILED, "sync of " + ref.id() + " failed: " + e.getMessage(),
                    "Object", ref.id(), "Reason", e.getMessage());
        }
        Optional<Image> after = site.image(image.spec());
        if (after.isEmpty() || after.get().lastMirror().isEmpty()) {
            return Outcome.failed(DriverError.OPERATION_FAILED, ref.id() + " disappeared during the sync",
                    "Object", ref.id(), "Reason", "image gone");
        }
        prune(after.get());
        Image.Snap snap = after.get().lastMirror().get();
        return Outcome.done(job(snap, copied(after.get(), snap.id()) ? SyncStatus.COMPLETE : SyncStatus.IN_PROGRESS,
                false));
    }

    Map<SyncQuery, Outcome<SyncJob>> status(List<SyncQuery> queries) throws DriverException {
        Listing all = site.listing();
        Map<SyncQuery, Outcome<SyncJob>> out = new LinkedHashMap<>();
        for (SyncQuery q : queries) {
            Image image = all.get(q.ref().id());
            long id;
            try {
                id = Long.parseLong(q.syncId());
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (image == null || id < 0) {
                out.put(q, Outcome.failed(DriverError.UNKNOWN_SYNC, "no sync " + q.syncId() + " of " + q.ref().id(),
                        "SyncId", q.syncId()));
                continue;
            }
            Optional<Image.Snap> snap = mirrorSnap(image, id);
            boolean newer = image.lastMirror().isPresent() && image.lastMirror().get().id() > id;
            if (snap.isEmpty() && !newer) {
                out.put(q, Outcome.failed(DriverError.UNKNOWN_SYNC, "no sync " + q.syncId() + " of " + q.ref().id(),
                        "SyncId", q.syncId()));
                continue;
            }
            boolean done = snap.isEmpty() || copied(image, id);
            Image.Snap shown = snap.isPresent() ? snap.get() : image.lastMirror().get();
            out.put(q, Outcome.done(new SyncJob(q.syncId(), done ? SyncStatus.COMPLETE : SyncStatus.IN_PROGRESS,
                    done ? OptionalInt.of(100) : OptionalInt.empty(), OptionalLong.empty(), false,
                    "rbd-mirror snapshot", Optional.of(RecoveryPoint.latest(shown.time())), Optional.empty())));
        }
        return out;
    }

    /** The newest mirror snapshot while an older one is still linked to a peer (its copy runs), else empty. */
    static Optional<Image.Snap> runningJob(Image image) {
        Optional<Image.Snap> last = image.lastMirror();
        if (last.isEmpty() || (last.get().mirrorState() != Image.PRIMARY
                && last.get().mirrorState() != Image.PRIMARY_DEMOTED)) {
            return Optional.empty();
        }
        return copied(image, last.get().id()) ? Optional.empty() : last;
    }

    /** True when the peer has copied primary mirror snapshot {@code id}: no older mirror snapshot is linked. */
    static boolean copied(Image image, long id) {
        for (Image.Snap s : image.snaps()) {
            if (s.namespace() == Image.MIRROR && s.id() < id && !s.peers().isEmpty()
                    && (s.mirrorState() == Image.PRIMARY || s.mirrorState() == Image.PRIMARY_DEMOTED)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Image.Snap> mirrorSnap(Image image, long id) {
        for (Image.Snap s : image.snaps()) {
            if (s.namespace() == Image.MIRROR && s.id() == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Deletes the driver's sync snapshots but the newest {@link #SYNC_SNAPS_KEPT} (best effort). */
    private void prune(Image image) throws DriverException {
        List<Image.Snap> syncs = new ArrayList<>();
        for (Image.Snap s : image.snaps()) {
            if (s.namespace() == Image.USER && s.name().startsWith(Names.SYNC_SNAP_PREFIX)) {
                syncs.add(s);
            }
        }
        for (int i = 0; i < syncs.size() - SYNC_SNAPS_KEPT; i++) {
            try {
                site.deleteSnapshot(image.spec(), syncs.get(i).name());
            } catch (DashboardException e) {
                // kept: a later sync tries again
            }
        }
    }

    private static SyncJob job(Image.Snap snap, SyncStatus status, boolean alreadyRunning) {
        return new SyncJob(Long.toString(snap.id()), status,
                status == SyncStatus.COMPLETE ? OptionalInt.of(100) : OptionalInt.empty(), OptionalLong.empty(),
                alreadyRunning, "rbd-mirror snapshot", Optional.of(RecoveryPoint.latest(snap.time())), Optional.empty());
    }
}
