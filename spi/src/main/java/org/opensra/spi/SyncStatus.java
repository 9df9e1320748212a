package org.opensra.spi;

/** State of a sync job (SYNC-3); the wire names are those of the syncOnce table (TOL-1a). */
public enum SyncStatus {
    IN_PROGRESS("inProgress"), COMPLETE("complete");

    private final String wireName;

    SyncStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
