package org.opensra.adapter.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.VolumeAccess;

/**
 * An in-memory pair (or more) of replicating arrays for unit tests of the workflow rules: volumes and
 * groups with roles, access, links, test copies, presentation and sync jobs, mutated by
 * {@link FakeDriver}. Not a model of data: only of the states the workflows reason about.
 */
final class FakeArrays {
    static final Instant LATEST = Instant.parse("2026-11-25T10:00:00Z");

    final Map<String, FakeArray> arrays = new LinkedHashMap<>();

    FakeArray array(String id) {
        return arrays.computeIfAbsent(id, FakeArray::new);
    }

    static final class Vol {
        final String id;
        String name;
        ReplicationRole role;
        VolumeAccess access;
        String peerArrayId;
        String peerVolumeId;
        String groupId;
        boolean presented;
        LinkState link = LinkState.ACTIVE;
        String cloneId;
        boolean clonePresented;
        String clonePoint;
        String promotedId;
        String runningJob;
        final List<String> recoveryPoints = new ArrayList<>(List.of("rp-2", "rp-1"));

        Vol(String id, String name, ReplicationRole role, VolumeAccess access, String peerArrayId, String peerVolumeId) {
            this.id = id;
            this.name = name;
            this.role = role;
            this.access = access;
            this.peerArrayId = peerArrayId;
            this.peerVolumeId = peerVolumeId;
        }
    }

    static final class Grp {
        final String id;
        String name;
        ReplicationRole role;
        VolumeAccess access;
        String peerArrayId;
        String peerGroupId;
        final List<String> volumeIds = new ArrayList<>();
        String copyId;
        LinkState link = LinkState.ACTIVE;

        Grp(String id, String name, ReplicationRole role, VolumeAccess access, String peerArrayId, String peerGroupId) {
            this.id = id;
            this.name = name;
            this.role = role;
            this.access = access;
            this.peerArrayId = peerArrayId;
            this.peerGroupId = peerGroupId;
        }
    }

    static final class FakeArray {
        final String id;
        final Map<String, Vol> volumes = new LinkedHashMap<>();
        final Map<String, Grp> groups = new LinkedHashMap<>();
        final Map<String, String> jobs = new LinkedHashMap<>();
        final Set<String> failPresentation = new LinkedHashSet<>();
        boolean reachable = true;

        FakeArray(String id) {
            this.id = id;
        }

        Optional<Vol> volume(String id) {
            Vol v = volumes.get(id);
            if (v != null) {
                return Optional.of(v);
            }
            return volumes.values().stream().filter(x -> id.equals(x.promotedId)).findFirst();
        }
    }

    /** A standalone replicated volume {@code src} on A with its replica {@code key} on B. */
    FakeArrays pair(String a, String src, String name, String b, String key) {
        Vol source = new Vol(src, name, ReplicationRole.SOURCE, VolumeAccess.READ_WRITE, b, key);
        source.presented = true;
        array(a).volumes.put(src, source);
        array(b).volumes.put(key, new Vol(key, name, ReplicationRole.TARGET, VolumeAccess.READ_ONLY, a, src));
        return this;
    }

    /** A consistency group {@code group} on A (replica group {@code groupKey} on B) of existing pairs. */
    FakeArrays group(String a, String group, String b, String groupKey, String... sourceIds) {
        Grp g = new Grp(group, group + " name", ReplicationRole.SOURCE, VolumeAccess.READ_WRITE, b, groupKey);
        Grp t = new Grp(groupKey, group + " replica", ReplicationRole.TARGET, VolumeAccess.READ_ONLY, a, group);
        for (String id : sourceIds) {
            Vol v = array(a).volumes.get(id);
            v.groupId = group;
            g.volumeIds.add(id);
            Vol r = array(b).volumes.get(v.peerVolumeId);
            r.groupId = groupKey;
            t.volumeIds.add(r.id);
        }
        array(a).groups.put(group, g);
        array(b).groups.put(groupKey, t);
        return this;
    }
}
