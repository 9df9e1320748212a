package org.opensra.spi;

/** Optional abilities a driver may declare; they flow into queryCapabilities (CAP-2). */
public enum Feature {
    /** discoverArrays may return several arrays for one set of connection values. */
    MULTI_ARRAY_DISCOVERY,
    /** Devices replicated as one unit (ConsistencyGroups). */
    CONSISTENCY_GROUPS,
    /** Snapshot and promoted devices can be presented to the initiators of a request. */
    DYNAMIC_ACCESS_RESTRICTION,
    /** The array makes one iSCSI target per LUN. */
    ONE_LUN_PER_ISCSI_TARGET,
    /** Several recovery points per replica (queryRecoveryPoints, RecoveryPoint ids in requests). */
    RECOVERY_POINTS,
    /** Per-device custom properties (queryDeviceDetails). */
    DEVICE_DETAILS,
    /** Replication settings can be read and re-applied (queryReplicationSettings). */
    REPLICATION_SETTINGS,
    /** On-demand replication with a job to poll (syncOnce, querySyncStatus). */
    SYNC,
    /** Readiness checks (checkTestFailoverStart, checkFailover). */
    CHECKS
}
