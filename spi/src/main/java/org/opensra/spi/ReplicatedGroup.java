package org.opensra.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local volume group replicated as one unit (a consistency group, DD-6). Its members are listed by
 * volume id and appear in {@link ArrayInventory#volumes()} with {@code groupId} set to this group.
 *
 * @param id the group id on this array (ConsistencyGroup id or TargetGroup key)
 * @param name friendly name
 * @param role which end of the link the group is
 * @param access READ_ONLY for a demoted source group, READ_WRITE for a promoted replica group
 * @param peerArrayId the array at the other end
 * @param peerGroupId the group id at the other end (the TargetGroup key of a source group)
 * @param volumeIds member volume ids, in the array's order
 * @param link replication link health of the group
 * @param testCopy the group's test copy while one exists (members carry their clones)
 * @param promotedGroupId the promoted group's id, for a promoted replica group
 */
public record ReplicatedGroup(
        String id,
        Optional<String> name,
        ReplicationRole role,
        VolumeAccess access,
        String peerArrayId,
        String peerGroupId,
        List<String> volumeIds,
        LinkState link,
        Optional<TestCopy> testCopy,
        Optional<String> promotedGroupId) {

    public ReplicatedGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(peerArrayId, "peerArrayId");
        Objects.requireNonNull(peerGroupId, "peerGroupId");
        volumeIds = List.copyOf(volumeIds);
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(testCopy, "testCopy");
        Objects.requireNonNull(promotedGroupId, "promotedGroupId");
    }

    public boolean isSource() {
        return role == ReplicationRole.SOURCE;
    }

    public boolean isPromoted() {
        return role == ReplicationRole.TARGET && access == VolumeAccess.READ_WRITE;
    }

    public String promotedIdOrId() {
        return promotedGroupId.orElse(id);
    }

    public String displayName() {
        return name.orElse(id);
    }
}
