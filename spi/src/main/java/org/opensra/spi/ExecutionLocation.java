package org.opensra.spi;

/** Where SRM runs syncOnce, reverseReplication and restoreReplication, relative to replication (CAP-4). */
public enum ExecutionLocation {
    SOURCE("source"), TARGET("target");

    private final String wireName;

    ExecutionLocation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
