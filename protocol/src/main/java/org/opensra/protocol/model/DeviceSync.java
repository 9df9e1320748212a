package org.opensra.protocol.model;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One replication session of syncOnce/querySyncStatus (Table 14, SYNC-1, SYNC-3). */
public record DeviceSync(String id, SyncStatus status, OptionalInt progress, OptionalLong remainingTimeEstimate) {
    public DeviceSync {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(remainingTimeEstimate, "remainingTimeEstimate");
        if (progress.isPresent() && (progress.getAsInt() < 0 || progress.getAsInt() > 100)) {
            throw new IllegalArgumentException("progress must be 0..100: " + progress.getAsInt());
        }
        if (remainingTimeEstimate.isPresent() && remainingTimeEstimate.getAsLong() < 0) {
            throw new IllegalArgumentException("negative remaining time " + remainingTimeEstimate.getAsLong());
        }
    }

    public static DeviceSync complete(String id) {
        return new DeviceSync(id, SyncStatus.COMPLETE, OptionalInt.of(100), OptionalLong.empty());
    }

    public static DeviceSync inProgress(String id, int progress, long remainingSeconds) {
        return new DeviceSync(id, SyncStatus.IN_PROGRESS, OptionalInt.of(progress), OptionalLong.of(remainingSeconds));
    }
}
