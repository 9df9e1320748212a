package org.opensra.spi;

/**
 * The one list of failures a driver reports; the adapter maps each to an SRA error code
 * (docs/ARCHITECTURE.md, "Error and warning codes"). The placeholders a driver puts in a
 * {@link DriverFailure} are named below; the adapter fills missing ones from what it knows.
 */
public enum DriverError {
    /** The management system cannot be reached (1001). Placeholder: Address. */
    ARRAY_UNREACHABLE,
    /** Credentials refused (1002). Placeholder: Address. */
    AUTHENTICATION_FAILED,
    /** No such array behind this management system (1003). Placeholder: ArrayId. */
    UNKNOWN_ARRAY,
    /** No such source volume / promoted volume (1004). Placeholder: DeviceId. */
    UNKNOWN_DEVICE,
    /** No such replica volume (target key) (1005). Placeholder: Key. */
    UNKNOWN_KEY,
    /** No such volume group (1006). Placeholder: GroupId. */
    UNKNOWN_GROUP,
    /** The object is not in a state that allows the operation (1007). Placeholders: Object, State. */
    WRONG_STATE,
    /** The array refused or failed the operation (1008). Placeholders: Object, Reason. */
    OPERATION_FAILED,
    /** A test copy already exists for the replica (1011). Placeholder: Key. */
    TEST_COPY_EXISTS,
    /** The replica has no data yet: initial synchronisation not done (1012). Placeholder: Key. */
    NO_REPLICA,
    /** The recovery point does not exist for this replica (1013). Placeholders: RecoveryPoint, Key. */
    UNKNOWN_RECOVERY_POINT,
    /** The replication link is broken (1014). Placeholders: Object, Reason. */
    REPLICATION_BROKEN,
    /** No such sync job (1015). Placeholder: SyncId. */
    UNKNOWN_SYNC,
    /** The driver does not implement this optional ability (1008). Placeholders: Object, Reason. */
    UNSUPPORTED,
    /**
     * The command's {@link Deadline} passed before the work was done (1019). Placeholders: Object,
     * Seconds.
     */
    DEADLINE_REACHED,
    /**
     * The array's TLS certificate is not the one pinned by its SHA-256 fingerprint (1020). Placeholders:
     * Address, Fingerprint (the one the array presented). See {@code org.opensra.spi.tls.TlsTrust}.
     */
    TLS_FINGERPRINT_MISMATCH,
    /** The array's TLS certificate has expired or is not valid yet (1021). Placeholders: Address, Fingerprint. */
    TLS_CERTIFICATE_EXPIRED,
    /** The array's TLS certificate is issued for another host (1022). Placeholders: Address, Fingerprint. */
    TLS_WRONG_HOST,
    /** The array's TLS certificate is not signed by a trusted authority (1023). Placeholders: Address, Fingerprint. */
    TLS_UNTRUSTED
}
