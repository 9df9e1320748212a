package org.opensra.driver.ceph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.DriverException;
import org.opensra.spi.Identity;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.TestCopy;

/**
 * The inventory of one site (DD-2..DD-7): every image of the configured pools mirrored in snapshot
 * mode, with its role from {@link Roles}, its test copy, and its identity when it is writable. No
 * groups: Pacific does not mirror groups, so the driver declares no consistency groups.
 */
final class Discovery {
    private Discovery() {
    }

    static ArrayInventory inventory(Site site, Gateway gateway) throws DriverException {
        String siteName = site.siteName();
        String peer = site.peerName();
        Map<String, Image> all = site.images();
        List<ReplicatedVolume> volumes = new ArrayList<>();
        for (Image image : all.values()) {
            if (!image.mirrored() || Names.isOwn(image.name()) || image.lastMirror().isEmpty()) {
                continue;
            }
            volumes.add(volume(siteName, peer, image, all, gateway));
        }
        return new ArrayInventory(siteName, volumes, List.of(), List.of(), List.of());
    }

    static ReplicatedVolume volume(String siteName, String peer, Image image, Map<String, Image> all, Gateway gateway) {
        Roles roles = Roles.of(image, all);
        Optional<Identity> identity = roles.access() == org.opensra.spi.VolumeAccess.READ_WRITE
                ? Optional.of(gateway.identity(siteName, stableId(image))) : Optional.empty();
        Optional<TestCopy> copy = Optional.empty();
        Image clone = all.get(Names.testCopy(image.spec()));
        if (clone != null && roles.isReplica()) {
            copy = Optional.of(new TestCopy(clone.spec(), RecoveryPoint.latest(baseTime(image, clone)),
                    Optional.of(gateway.identity(siteName, stableId(clone)))));
        }
        return new ReplicatedVolume(image.spec(), Optional.of(image.name()), roles.role(), roles.access(), peer,
                image.spec(), Optional.empty(), identity, roles.link(), copy,
                roles.isPromoted() ? Optional.of(image.spec()) : Optional.empty());
    }

    /** The mirror global id of a mirrored image, else its image id. */
    static String stableId(Image image) {
        Optional<String> global = image.globalId();
        return global.isPresent() ? global.get() : image.pool() + "/" + image.id();
    }

    /** Time of the snapshot a test copy was cloned from. */
    static java.time.Instant baseTime(Image replica, Image clone) {
        if (clone.parent().isPresent()) {
            String parent = clone.parent().get();
            String snap = parent.substring(parent.indexOf('@') + 1);
            Optional<Image.Snap> s = replica.userSnap(snap);
            if (s.isPresent()) {
                return s.get().time();
            }
        }
        Optional<Image.Snap> last = replica.lastCompleteMirror();
        return last.isPresent() ? last.get().time() : java.time.Instant.EPOCH;
    }
}
