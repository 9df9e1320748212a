package org.opensra.protocol.model;

import java.util.Optional;

/**
 * Status of a replication session (Table 14). Written as {@code inProgress} / {@code complete} (TOL-1a);
 * read leniently: {@code InProgress}, {@code completed}, any case (TOL-1).
 */
public enum SyncStatus {
    IN_PROGRESS("inProgress"), COMPLETE("complete");

    private final String wireName;

    SyncStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SyncStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inprogress":
            case "in-progress":
            case "in_progress":
                return Optional.of(IN_PROGRESS);
            case "complete":
            case "completed":
                return Optional.of(COMPLETE);
            default:
                return Optional.empty();
        }
    }
}
