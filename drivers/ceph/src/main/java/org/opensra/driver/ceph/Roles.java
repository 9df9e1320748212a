package org.opensra.driver.ceph;

import java.util.Map;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.VolumeAccess;

/**
 * The SRA state of a mirrored image at one site, from its newest mirror snapshot and the driver's
 * marker images (see {@link Names}):
 * <ul>
 * <li>primary without promoted marker: source, read-write;</li>
 * <li>primary with promoted marker: promoted replica (target, read-write, replication stopped);</li>
 * <li>primary-demoted: demoted source (source, read-only);</li>
 * <li>non-primary with demoted marker: a demoted source whose peer was promoted and which rbd-mirror
 *     already made follow the peer; still the demoted source until replication is reversed;</li>
 * <li>non-primary: replica (target, read-only); link active once a mirror snapshot is complete.</li>
 * </ul>
 */
record Roles(ReplicationRole role, VolumeAccess access, LinkState link, String state) {

    static Roles of(Image image, Listing all) {
        boolean promotedMarker = all.has(Names.promotedMarker(image.spec()));
        boolean demotedMarker = all.has(Names.demotedMarker(image.spec()));
        int state = image.mirrorState();
        if (state == Image.PRIMARY) {
            if (promotedMarker) {
                return new Roles(ReplicationRole.TARGET, VolumeAccess.READ_WRITE, LinkState.STOPPED, "promoted");
            }
            return new Roles(ReplicationRole.SOURCE, VolumeAccess.READ_WRITE, LinkState.ACTIVE, "primary");
        }
        if (state == Image.PRIMARY_DEMOTED) {
            return new Roles(ReplicationRole.SOURCE, VolumeAccess.READ_ONLY, LinkState.STOPPED, "demoted");
        }
        if (demotedMarker) {
            return new Roles(ReplicationRole.SOURCE, VolumeAccess.READ_ONLY, LinkState.STOPPED, "demoted, following peer");
        }
        LinkState link = image.lastCompleteMirror().isPresent() ? LinkState.ACTIVE : LinkState.INITIAL_SYNC;
        return new Roles(ReplicationRole.TARGET, VolumeAccess.READ_ONLY, link,
                state == Image.NON_PRIMARY_DEMOTED ? "non-primary (peer demoted)" : "non-primary");
    }

    boolean isSource() {
        return role == ReplicationRole.SOURCE && access == VolumeAccess.READ_WRITE;
    }

    boolean isDemotedSource() {
        return role == ReplicationRole.SOURCE && access == VolumeAccess.READ_ONLY;
    }

    boolean isReplica() {
        return role == ReplicationRole.TARGET && access == VolumeAccess.READ_ONLY;
    }

    boolean isPromoted() {
        return role == ReplicationRole.TARGET && access == VolumeAccess.READ_WRITE;
    }
}
