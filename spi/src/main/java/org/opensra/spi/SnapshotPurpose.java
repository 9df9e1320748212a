package org.opensra.spi;

/** Why a protective snapshot is taken (kept by the array until replication is reversed or restored). */
public enum SnapshotPurpose {
    /** Of a source before it is demoted (prepareFailover, PF-1, PF-4); the failsafe copy of reverse (REV-4). */
    PRE_FAILOVER,
    /** Of a replica before it is promoted (failover, FO-2); the failsafe copy of restore (RES-3). */
    REVERT
}
