package org.opensra.driver.ceph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.spi.Demotion;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Promotion;
import org.opensra.spi.ProtectiveSnapshot;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicaRequest;

/**
 * prepareFailover (demote, PF-1..PF-4) and failover (promote, FO-2, FO-3, FO-5).
 *
 * <p>Demote: a pre-failover user snapshot, the demoted marker, then {@code primary: false}; the demote
 * itself takes a last mirror snapshot that rbd-mirror copies to the peer.
 *
 * <p>Promote never trusts promote to refuse a split brain: a non-forced promote is issued only when the
 * replica's newest mirror snapshot is a complete copy of the peer's demotion snapshot (the peer
 * demoted and everything it had is here); when the peer has not demoted (disaster, or a failover
 * without prepareFailover) the promote is forced, as for an unreachable peer. A demoted or primary
 * image is never promoted here. Right after the last sync a promote can fail once with EROFS while
 * rbd-mirror still holds the image: it is retried.
 */
final class Failover {
    private static final int PROMOTE_TRIES = 20;
    private static final long RETRY_MS = 1000;
    private static final long COMPLETE_WAIT_MS = 120_000;
    private static final long PEER_DEMOTION_WAIT_MS = 30_000;
    private final Site site;

    Failover(Site site) {
        this.site = site;
    }

    Map<ObjectRef, Outcome<Demotion>> demote(List<ObjectRef> sources) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<Demotion>> out = new LinkedHashMap<>();
        for (ObjectRef ref : sources) {
            out.put(ref, demoteOne(ref, all));
        }
        return out;
    }

    private Outcome<Demotion> demoteOne(ObjectRef ref, Listing all) throws DriverException {
        if (ref.isGroup()) {
            return Outcome.failed(DriverError.UNKNOWN_GROUP, "no groups on this array", "GroupId", ref.id());
        }
        Image image = all.get(ref.id());
        if (image == null || !image.mirrored()) {
            return Outcome.failed(DriverError.UNKNOWN_DEVICE, "no mirrored image " + ref.id(), "DeviceId", ref.id());
        }
        Roles roles = Roles.of(image, all);
        if (roles.isDemotedSource()) {
            return Outcome.done(new Demotion(false, image.isNonPrimary(), snapshots(image), details("already demoted")));
        }
        if (!roles.isSource()) {
            return Outcome.failed(DriverError.WRONG_STATE, ref.id() + " is " + roles.state() + ", not a source",
                    "Object", ref.id(), "State", roles.state());
        }
        try {
            for (Image.Snap s : image.snaps()) {
                if (s.namespace() == Image.USER && s.name().startsWith(Names.PREFAILOVER_PREFIX)) {
                    site.deleteSnapshot(image.spec(), s.name()); // from an earlier failover or a killed run
                }
            }
            site.createSnapshot(image.spec(), Names.PREFAILOVER_PREFIX + System.currentTimeMillis());
            site.ensureMarker(Names.demotedMarker(image.spec()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("primary", Boolean.FALSE);
            site.edit(image.spec(), body);
        } catch (DashboardException e) {
            return Outcome.failed(DriverError.OPERATION_FAILED, "demote of " + ref.id() + " failed: " + e.getMessage(),
                    "Object", ref.id(), "Reason", e.getMessage());
        }
        Optional<Image> after = site.image(image.spec());
        return Outcome.done(new Demotion(true, false, snapshots(after.orElse(image)),
                details("rbd mirror image demote (last mirror snapshot taken)")));
    }

    private static List<ProtectiveSnapshot> snapshots(Image image) {
        Optional<Image.Snap> pf = image.newestUserSnap(Names.PREFAILOVER_PREFIX);
        if (pf.isEmpty()) {
            return List.of();
        }
        String id = image.spec() + "@" + pf.get().name();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("snapshot", id);
        return List.of(new ProtectiveSnapshot(id, image.spec(),
                RecoveryPoint.latest(pf.get().time()), p));
    }

    private static Map<String, String> details(String what) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("demotion", what);
        return d;
    }

    Map<ReplicaRequest, Outcome<Promotion>> promote(List<ReplicaRequest> requests) throws DriverException {
        Listing all = site.listing();
        Map<ReplicaRequest, Outcome<Promotion>> out = new LinkedHashMap<>();
        for (ReplicaRequest r : requests) {
            out.put(r, promoteOne(r, all));
        }
        return out;
    }

    private Outcome<Promotion> promoteOne(ReplicaRequest r, Listing all) throws DriverException {
        ObjectRef ref = r.replica();
        if (ref.isGroup()) {
            return Outcome.failed(DriverError.UNKNOWN_GROUP, "no groups on this array", "GroupId", ref.id());
        }
        Image image = all.get(ref.id());
        if (image == null || !image.mirrored()) {
            return Outcome.failed(DriverError.UNKNOWN_KEY, "no mirrored image " + ref.id(), "Key", ref.id());
        }
        if (r.recoveryPointId().isPresent() && !RecoveryPoint.LATEST.equals(r.recoveryPointId().get())) {
            return Outcome.failed(DriverError.UNKNOWN_RECOVERY_POINT, "only the latest data can be promoted",
                    "RecoveryPoint", r.recoveryPointId().get(), "Key", ref.id());
        }
        Roles roles = Roles.of(image, all);
        if (roles.isPromoted()) {
            try {
                markPostFailover(image); // a promote killed before its snapshot
            } catch (DashboardException e) {
                return Outcome.failed(DriverError.OPERATION_FAILED, "cannot snapshot promoted " + ref.id() + ": "
                        + e.getMessage(), "Object", ref.id(), "Reason", e.getMessage());
            }
            return Outcome.done(promotion(false, image, "already promoted"));
        }
        if (!roles.isReplica()) {
            return Outcome.failed(DriverError.WRONG_STATE, ref.id() + " is " + roles.state() + ", not a replica",
                    "Object", ref.id(), "State", roles.state());
        }
        if (image.lastCompleteMirror().isEmpty()) {
            return Outcome.failed(DriverError.NO_REPLICA, ref.id() + " has no complete replicated data yet", "Key",
                    ref.id());
        }
        String how;
        try {
            site.ensureMarker(Names.promotedMarker(image.spec()));
            Image current = image;
            if (current.mirrorState() == Image.NON_PRIMARY_DEMOTED) {
                current = waitComplete(current);
            }
            boolean peerDemoted = current.mirrorState() == Image.NON_PRIMARY_DEMOTED
                    && current.lastMirror().get().complete();
            if (peerDemoted) {
                promoteRetrying(current.spec(), false);
                how = "promoted (peer demoted, its last snapshot copied)";
            } else {
                site.ensureMarker(Names.forcedMarker(image.spec()));
                promoteRetrying(current.spec(), true);
                how = "forced promote (peer not demoted or unreachable)";
            }
        } catch (DashboardException e) {
            try {
                site.deleteMarker(Names.promotedMarker(image.spec()));
            } catch (DashboardException ignored) {
                // a stale marker on a replica is harmless (it only counts at a primary)
            }
            return Outcome.failed(DriverError.OPERATION_FAILED, "promote of " + ref.id() + " failed: " + e.getMessage(),
                    "Object", ref.id(), "Reason", e.getMessage());
        }
        Optional<Image> after = site.image(image.spec());
        if (after.isEmpty() || !after.get().isPrimary()) {
            return Outcome.failed(DriverError.OPERATION_FAILED, ref.id() + " is not primary after promote", "Object",
                    ref.id(), "Reason", "not primary after promote");
        }
        try {
            markPostFailover(after.get());
        } catch (DashboardException e) {
            return Outcome.failed(DriverError.OPERATION_FAILED, "cannot snapshot promoted " + ref.id() + ": "
                    + e.getMessage(), "Object", ref.id(), "Reason", e.getMessage());
        }
        return Outcome.done(promotion(true, after.get(), how));
    }

    /**
     * The user snapshot {@code opensra-postfailover-<ms>} of a just promoted image (the data as failed over,
     * before anything is written here): prepareRestore rolls back to it before demoting, so that the
     * recovery site's writes never reach the original source (RES-1). Snapshots of earlier failovers go;
     * one taken after the promotion snapshot is kept (idempotent).
     */
    private void markPostFailover(Image image) throws DriverException, DashboardException {
        long promotedAt = image.lastMirror().isPresent() ? image.lastMirror().get().id() : -1;
        boolean have = false;
        for (Image.Snap s : image.snaps()) {
            if (s.namespace() != Image.USER || !s.name().startsWith(Names.POSTFAILOVER_PREFIX)) {
                continue;
            }
            if (s.id() > promotedAt) {
                have = true;
            } else {
                site.deleteSnapshot(image.spec(), s.name());
            }
        }
        if (!have) {
            site.createSnapshot(image.spec(), Names.POSTFAILOVER_PREFIX + System.currentTimeMillis());
        }
    }

    /**
     * Makes a non-primary image primary for restore: non-forced when its newest snapshot is a complete
     * copy of the peer's demotion, forced otherwise.
     */
    void takeOver(Image image) throws DriverException, DashboardException {
        Image current = image;
        // the peer was demoted just before (prepareRestore): when this image already follows it, give
        // rbd-mirror time to bring its demotion. An image still at its own demotion (it never followed the
        // peer) holds exactly its pre-failover data and is promoted at once: the peer, flagged for a resync
        // by prepareRestore, is copied again from here.
        long end = System.currentTimeMillis() + PEER_DEMOTION_WAIT_MS;
        while (current.mirrorState() == Image.NON_PRIMARY && System.currentTimeMillis() < end) {
            site.client().pause(2 * RETRY_MS);
            Optional<Image> again = site.image(image.spec());
            if (again.isEmpty()) {
                break;
            }
            current = again.get();
        }
        current = current.mirrorState() == Image.NON_PRIMARY_DEMOTED ? waitComplete(current) : current;
        boolean peerDemoted = current.mirrorState() == Image.NON_PRIMARY_DEMOTED && current.lastMirror().get().complete();
        boolean ownDemotion = current.mirrorState() == Image.PRIMARY_DEMOTED;
        promoteRetrying(current.spec(), !(peerDemoted || ownDemotion));
    }

    /** Waits (bounded) until the copy of the peer's demotion snapshot is complete. */
    private Image waitComplete(Image image) throws DriverException {
        long end = System.currentTimeMillis() + COMPLETE_WAIT_MS;
        Image current = image;
        while (current.lastMirror().isPresent() && !current.lastMirror().get().complete()
                && System.currentTimeMillis() < end) {
            site.client().pause(RETRY_MS);
            Optional<Image> again = site.image(image.spec());
            if (again.isEmpty()) {
                break;
            }
            current = again.get();
        }
        return current;
    }

    private void promoteRetrying(String spec, boolean force) throws DriverException, DashboardException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primary", Boolean.TRUE);
        if (force) {
            body.put("force", Boolean.TRUE);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                site.edit(spec, body);
                return;
            } catch (DashboardException e) {
                if (!e.readOnly() || attempt >= PROMOTE_TRIES) {
                    throw e;
                }
                // EROFS: rbd-mirror still finishing with the image right after the last sync
                site.client().pause(RETRY_MS);
                Optional<Image> now = site.image(spec);
                if (now.isPresent() && now.get().isPrimary()) {
                    return;
                }
            }
        }
    }

    private static Promotion promotion(boolean changed, Image image, String how) {
        Optional<Image.Snap> last = image.lastMirror();
        RecoveryPoint point = RecoveryPoint.latest(last.isPresent() ? last.get().time() : java.time.Instant.EPOCH);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(image.spec(), image.spec());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("promotion", how);
        params.put("access", "read-write");
        return new Promotion(changed, Optional.empty(), ids, point, "rbd-mirror stops replaying into a primary image",
                List.of(), params);
    }
}
