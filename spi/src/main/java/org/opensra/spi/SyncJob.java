package org.opensra.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An on-demand replication session (SYNC-1..SYNC-3).
 *
 * @param id the job id, unique on the array; SRM polls it with querySyncStatus
 * @param status in progress or complete
 * @param progress percent done, when known
 * @param remainingSeconds estimated seconds left, when known
 * @param alreadyRunning true when {@link ArrayDriver#startSync} found a session already running and
 *     returned it instead of starting one (the adapter answers warning 500, SYNC-2)
 * @param method the replication method used, e.g. {@code async}, {@code sync} (logged, LOG-4)
 * @param recoveryPoint the recovery point the job will produce, when the array has several
 * @param failsafeSnapshot the snapshot at the destination that keeps a usable copy until the job is
 *     complete, when replication was just reversed or restored (REV-4, RES-3)
 */
public record SyncJob(
        String id,
        SyncStatus status,
        OptionalInt progress,
        OptionalLong remainingSeconds,
        boolean alreadyRunning,
        String method,
        Optional<RecoveryPoint> recoveryPoint,
        Optional<String> failsafeSnapshot) {

    public SyncJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(remainingSeconds, "remainingSeconds");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        Objects.requireNonNull(failsafeSnapshot, "failsafeSnapshot");
        if (progress.isPresent() && (progress.getAsInt() < 0 || progress.getAsInt() > 100)) {
            throw new IllegalArgumentException("progress must be 0..100");
        }
    }
}
