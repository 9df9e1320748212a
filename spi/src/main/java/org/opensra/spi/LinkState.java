package org.opensra.spi;

/** Health of the replication link between a local object and its peer. */
public enum LinkState {
    /** Replicating; the replica holds data. */
    ACTIVE,
    /** Created, initial copy not complete: the replica has no usable data yet. */
    INITIAL_SYNC,
    /** Replication stopped on purpose (failover, or suspended for reverse/restore). */
    STOPPED,
    /** Replication failed (peer unreachable for too long, divergence, ...). */
    BROKEN
}
