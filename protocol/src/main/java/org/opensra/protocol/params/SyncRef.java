package org.opensra.protocol.params;

import java.util.Objects;

/** A group or device of querySyncStatus: its id or key and the syncId returned by syncOnce (Table 14). */
public record SyncRef(String ref, String syncId) {
    public SyncRef {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(syncId, "syncId");
    }
}
