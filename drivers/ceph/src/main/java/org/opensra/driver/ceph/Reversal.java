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
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.SettingsRequest;

/**
 * reverseReplication and restoreReplication with their prepare steps (REV-1..REV-7, RES-1..RES-6).
 * Ids are the image specs, the same at both sites.
 *
 * <p>Reverse: at the old source (prepare) the image must follow the promoted peer: a demoted image
 * does so by itself (rbd-mirror pulls the peer's snapshots); an image that is still primary (the site
 * came back after a forced promote: split brain) is demoted and resynced from the peer, which
 * replaces it (a new image id says the resync is done). Then the demoted marker goes. At the promoted
 * side the promoted marker goes and a sync starts the new direction.
 *
 * <p>Restore: the promoted side (prepare) is rolled back to its post-failover snapshot (its writes never
 * reach the original source), demoted and flagged for a resync (its changes are discarded:
 * it is copied again in full once the original source is primary); at the original source the image is
 * promoted (non-forced on a complete copy of the peer's demotion snapshot or on its own demotion), rolled
 * back to its pre-failover snapshot (every change made at the recovery site is discarded), its fast-diff
 * invalidated (so that the rollback reaches a peer that copies incrementally) and synced.
 */
final class Reversal {
    private final Site site;
    private final Syncs syncs;
    private final Failover failover;

    Reversal(Site site) {
        this.site = site;
        this.syncs = new Syncs(site);
        this.failover = new Failover(site);
    }

    /** At the desired target (old source): make it follow the promoted peer. */
    Map<ObjectRef, Outcome<Change>> prepareReverse(List<SettingsRequest> requests) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<Change>> out = new LinkedHashMap<>();
        for (SettingsRequest r : requests) {
            ObjectRef ref = r.ref();
            Image image = all.get(ref.id());
            if (ref.isGroup() || image == null || !image.mirrored()) {
                out.put(ref, unknown(ref));
                continue;
            }
            Map<String, String> details = new LinkedHashMap<>();
            try {
                if (image.isPrimary() && !all.has(Names.promotedMarker(image.spec()))) {
                    Map<String, Object> demote = new LinkedHashMap<>();
                    demote.put("primary", Boolean.FALSE);
                    site.edit(image.spec(), demote);
                    Map<String, Object> resync = new LinkedHashMap<>();
                    resync.put("resync", Boolean.TRUE);
                    site.edit(image.spec(), resync);
                    details.put("split brain", "demoted and resync from the peer requested (image id " + image.id() + ")");
                } else if (image.isPrimary()) {
                    out.put(ref, Outcome.failed(DriverError.WRONG_STATE, ref.id() + " is the promoted side here",
                            "Object", ref.id(), "State", "promoted"));
                    continue;
                }
                if (site.deleteMarker(Names.demotedMarker(image.spec()))) {
                    details.put("demoted marker", "removed");
                }
            } catch (DashboardException e) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "cannot prepare " + ref.id() + ": "
                        + e.getMessage(), "Object", ref.id(), "Reason", e.getMessage()));
                continue;
            }
            out.put(ref, Outcome.done(details.isEmpty() ? Change.unchanged() : Change.changed(details)));
        }
        return out;
    }

    /** At the desired source (the promoted side): it becomes the source; a sync starts the new direction. */
    Map<ObjectRef, Outcome<ReplicationChange>> reverse(List<SettingsRequest> requests) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<ReplicationChange>> out = new LinkedHashMap<>();
        for (SettingsRequest r : requests) {
            ObjectRef ref = r.ref();
            Image image = all.get(ref.id());
            if (ref.isGroup() || image == null || !image.mirrored()) {
                out.put(ref, unknown(ref));
                continue;
            }
            Roles roles = Roles.of(image, all);
            if (roles.isSource()) {
                out.put(ref, Outcome.done(change(false, "replication already runs from here")));
                continue;
            }
            if (!roles.isPromoted()) {
                out.put(ref, Outcome.failed(DriverError.WRONG_STATE, ref.id() + " is " + roles.state()
                        + ", not failed over", "Object", ref.id(), "State", roles.state()));
                continue;
            }
            try {
                site.deleteMarker(Names.promotedMarker(image.spec()));
                site.deleteMarker(Names.forcedMarker(image.spec()));
                site.createMirrorSnapshot(image.spec());
            } catch (DashboardException e) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "cannot reverse " + ref.id() + ": "
                        + e.getMessage(), "Object", ref.id(), "Reason", e.getMessage()));
                continue;
            }
            out.put(ref, Outcome.done(change(true, "source here, mirror snapshot taken for the peer to copy")));
        }
        return out;
    }

    /** At the promoted side: demote it, so that the original source can take over again. */
    Map<ObjectRef, Outcome<Change>> prepareRestore(List<SettingsRequest> requests) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<Change>> out = new LinkedHashMap<>();
        for (SettingsRequest r : requests) {
            ObjectRef ref = r.ref();
            Image image = all.get(ref.id());
            if (ref.isGroup() || image == null || !image.mirrored()) {
                out.put(ref, unknown(ref));
                continue;
            }
            Map<String, String> details = new LinkedHashMap<>();
            try {
                Optional<Image.Snap> post = image.newestUserSnap(Names.POSTFAILOVER_PREFIX);
                if (image.isPrimary() && post.isPresent()) {
                    // discard here what was written since failover, before the demotion snapshot the
                    // original source copies: rbd-mirror's incremental copy does not reliably undo a rollback
                    // made after it (an object the rollback removes stays at the peer)
                    site.rollback(image.spec(), post.get().name());
                    details.put("rollback", "to " + post.get().name());
                }
                if (image.isPrimary()) {
                    Map<String, Object> demote = new LinkedHashMap<>();
                    demote.put("primary", Boolean.FALSE);
                    site.edit(image.spec(), demote);
                    details.put("demotion", "promoted image demoted");
                }
                if (image.isPrimary() || image.mirrorState() == Image.PRIMARY_DEMOTED) {
                    // every change made here is discarded (RES-1), so this image is copied again in full
                    // from the original source once that is primary: after a forced promote the histories
                    // diverged; after a clean one the original source may take over before it has followed
                    // this side (split brain), and if it did follow, its rollback does not reach an
                    // incremental copy reliably (see Site.invalidateFastDiff). A resync is requested only
                    // while this image's own history is the newest, never again once it follows the peer.
                    Map<String, Object> resync = new LinkedHashMap<>();
                    resync.put("resync", Boolean.TRUE);
                    site.edit(image.spec(), resync);
                    details.put("resync", "requested (image id " + image.id() + " is replaced)");
                }
                if (site.deleteMarker(Names.promotedMarker(image.spec()))) {
                    details.put("promoted marker", "removed");
                }
                site.deleteMarker(Names.forcedMarker(image.spec()));
            } catch (DashboardException e) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "cannot prepare " + ref.id() + ": "
                        + e.getMessage(), "Object", ref.id(), "Reason", e.getMessage()));
                continue;
            }
            out.put(ref, Outcome.done(details.isEmpty() ? Change.unchanged() : Change.changed(details)));
        }
        return out;
    }

    /** At the original source: take over again from the pre-failover snapshot and sync. */
    Map<ObjectRef, Outcome<ReplicationChange>> restore(List<SettingsRequest> requests) throws DriverException {
        Listing all = site.listing();
        Map<ObjectRef, Outcome<ReplicationChange>> out = new LinkedHashMap<>();
        for (SettingsRequest r : requests) {
            ObjectRef ref = r.ref();
            Image image = all.get(ref.id());
            if (ref.isGroup() || image == null || !image.mirrored()) {
                out.put(ref, unknown(ref));
                continue;
            }
            boolean demotedMarker = all.has(Names.demotedMarker(image.spec()));
            if (image.isPrimary() && !demotedMarker) {
                out.put(ref, Outcome.done(change(false, "replication already runs from here")));
                continue;
            }
            try {
                if (!image.isPrimary()) {
                    failover.takeOver(image);
                }
                Optional<Image.Snap> pf = image.newestUserSnap(Names.PREFAILOVER_PREFIX);
                if (pf.isPresent()) {
                    site.rollback(image.spec(), pf.get().name());
                    // the peer may copy this image incrementally from a snapshot taken before the rollback
                    site.invalidateFastDiff(image.spec());
                }
                site.deleteMarker(Names.demotedMarker(image.spec()));
                site.createMirrorSnapshot(image.spec());
            } catch (DashboardException e) {
                out.put(ref, Outcome.failed(DriverError.OPERATION_FAILED, "cannot restore " + ref.id() + ": "
                        + e.getMessage(), "Object", ref.id(), "Reason", e.getMessage()));
                continue;
            }
            out.put(ref, Outcome.done(change(true, "source again, rolled back to its pre-failover snapshot")));
        }
        return out;
    }

    private static <T> Outcome<T> unknown(ObjectRef ref) {
        if (ref.isGroup()) {
            return Outcome.failed(DriverError.UNKNOWN_GROUP, "no groups on this array", "GroupId", ref.id());
        }
        return Outcome.failed(DriverError.UNKNOWN_DEVICE, "no mirrored image " + ref.id(), "DeviceId", ref.id());
    }

    private static ReplicationChange change(boolean changed, String what) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("replication", what);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mode", "rbd-mirror snapshot");
        return new ReplicationChange(changed, settings, Optional.empty(), Optional.empty(), details);
    }

    Syncs syncs() {
        return syncs;
    }
}
