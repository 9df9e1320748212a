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
        Listing all = site.listing();
        List<ReplicatedVolume> volumes = new ArrayList<>();
        for (Image image : all.images().values()) {
            if (!image.mirrored() || Names.isOwn(image.name()) || image.lastMirror().isEmpty()) {
                continue;
            }
            volumes.add(volume(siteName, peer, image, all, gateway));
        }
        return new ArrayInventory(siteName, volumes, List.of(), List.of(), List.of());
    }

    static ReplicatedVolume volume(String siteName, String peer, Image image, Listing all, Gateway gateway) {
        Roles roles = Roles.of(image, all);
        Optional<Identity> identity = roles.access() == org.opensra.spi.VolumeAccess.READ_WRITE
                ? Optional.of(gateway.identity(siteName, stableId(image))) : Optional.empty();
        Optional<TestCopy> copy = Optional.empty();
        if (all.has(Names.testMarker(image.spec())) && roles.isReplica()) {
            copy = Optional.of(new TestCopy(Names.testCopy(image.spec()), RecoveryPoint.latest(baseTime(image)),
                    Optional.of(gateway.identity(siteName, testCopyStableId(image)))));
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

    /** The stable id of a replica's test copy (one copy per replica at a time). */
    static String testCopyStableId(Image replica) {
        return stableId(replica) + Names.TEST_COPY_SUFFIX;
    }

    /** Time of the data a test copy of the replica is made from: its newest replicated sync snapshot. */
    static java.time.Instant baseTime(Image replica) {
        Optional<Image.Snap> last = replica.lastCompleteMirror();
        if (last.isEmpty()) {
            return java.time.Instant.EPOCH;
        }
        Optional<Image.Snap> base = TestCopies.base(replica, last.get().id());
        return base.isPresent() ? base.get().time() : last.get().time();
    }
}
