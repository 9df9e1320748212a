package org.opensra.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A local volume that takes part in replication, as the array sees it now.
 *
 * <p>How the adapter reads it (discoverDevices, DD-2..DD-5):
 * <ul>
 * <li>SOURCE, READ_WRITE: a replication source; SourceDevice id = {@link #id}, its TargetDevice key =
 *     {@link #peerVolumeId} (the replica's id on the peer array);</li>
 * <li>SOURCE, READ_ONLY: a demoted source (after prepareFailover), reported without identity;</li>
 * <li>TARGET, READ_ONLY: a replica; TargetDevice key = {@link #id};</li>
 * <li>TARGET, READ_WRITE: a promoted replica (after failover); key = {@link #id}, promoted id =
 *     {@link #promotedVolumeId} (may equal the id when the array promotes in place).</li>
 * </ul>
 *
 * @param id the volume id on this array
 * @param name friendly name (also what the device-name filter CONN-3 is matched against)
 * @param role which end of the link this volume is
 * @param access host access mode
 * @param peerArrayId the array at the other end of the link
 * @param peerVolumeId the volume id at the other end of the link
 * @param groupId the local volume group this volume is a member of, if any
 * @param identity how hosts see it, if presented to any host
 * @param link replication link health
 * @param testCopy the test copy of this replica, while one exists (TF-8)
 * @param promotedVolumeId the promoted volume's id, for a promoted replica
 */
public record ReplicatedVolume(
        String id,
        Optional<String> name,
        ReplicationRole role,
        VolumeAccess access,
        String peerArrayId,
        String peerVolumeId,
        Optional<String> groupId,
        Optional<Identity> identity,
        LinkState link,
        Optional<TestCopy> testCopy,
        Optional<String> promotedVolumeId) {

    public ReplicatedVolume {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(peerArrayId, "peerArrayId");
        Objects.requireNonNull(peerVolumeId, "peerVolumeId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(testCopy, "testCopy");
        Objects.requireNonNull(promotedVolumeId, "promotedVolumeId");
    }

    public boolean isSource() {
        return role == ReplicationRole.SOURCE;
    }

    public boolean isDemotedSource() {
        return role == ReplicationRole.SOURCE && access == VolumeAccess.READ_ONLY;
    }

    public boolean isPromoted() {
        return role == ReplicationRole.TARGET && access == VolumeAccess.READ_WRITE;
    }

    /** The promoted id, for a promoted replica: {@link #promotedVolumeId} or else the volume id. */
    public String promotedIdOrId() {
        return promotedVolumeId.orElse(id);
    }

    /** The name when there is one, otherwise the id. */
    public String displayName() {
        return name.orElse(id);
    }
}
