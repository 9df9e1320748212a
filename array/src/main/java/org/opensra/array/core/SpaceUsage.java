package org.opensra.array.core;

import org.opensra.array.Json;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.LayerStore;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the block data file's bytes go: live (what the volumes' current contents use), snapshot
 * (held only by snapshots, recovery points and transfers being staged) and reclaimable (in the file,
 * referenced by nothing: blocks of deleted volumes and snapshots, overwritten blocks no snapshot
 * holds, torn appends). Counted in whole 64 KiB blocks, each distinct data block once.
 */
public final class SpaceUsage {
    private SpaceUsage() {
    }

    public static Map<String, Object> of(VolumeService vols) {
        return vols.db().tx(c -> {
            long referenced = Db.queryLong(c, "SELECT COUNT(DISTINCT ref) FROM blocks WHERE ref <> ?", 0, DataLog.ZERO);
            Set<Long> live = new HashSet<>();
            List<Long> tops = Db.query(c, "SELECT top FROM volumes", rs -> rs.getLong(1));
            for (long top : tops) {
                for (long ref : LayerStore.allData(c, top).values()) {
                    if (ref != DataLog.ZERO) {
                        live.add(ref);
                    }
                }
            }
            long file = vols.data().size();
            long referencedBytes = referenced * DataLog.BLOCK;
            long liveBytes = (long) live.size() * DataLog.BLOCK;
            return Json.obj("dataFileBytes", file, "liveBytes", liveBytes, "snapshotBytes", referencedBytes - liveBytes,
                "reclaimableBytes", Math.max(0, file - referencedBytes), "volumes", tops.size());
        });
    }
}
