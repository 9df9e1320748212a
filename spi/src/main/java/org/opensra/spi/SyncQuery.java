package org.opensra.spi;

import java.util.Objects;

/** A sync job to poll: the item it was started for and the job id syncOnce returned. */
public record SyncQuery(ObjectRef ref, String syncId) {
    public SyncQuery {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(syncId, "syncId");
    }
}
