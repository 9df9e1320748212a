package org.opensra.adapter;

/**
 * The error and warning codes of OpenSRA (docs/ARCHITECTURE.md, "Error and warning codes"). Codes
 * below 1000 are SRM's own (ERR-1); OpenSRA's errors start at 1000 and its warnings at 2000.
 */
public final class ErrorCodes {
    /** SRM: command {Command} not supported (INV-6). */
    public static final int COMMAND_NOT_SUPPORTED = 100;
    /** SRM: locale {Locale} not supported (INV-6). */
    public static final int LOCALE_NOT_SUPPORTED = 101;
    /** SRM warning: replication of device {Device} is in progress (SYNC-2). */
    public static final int REPLICATION_IN_PROGRESS = 500;

    /** {Reason}. */
    public static final int INTERNAL_ERROR = 1000;
    /** {Address}. */
    public static final int ARRAY_UNREACHABLE = 1001;
    /** {Address}. */
    public static final int CREDENTIALS_REFUSED = 1002;
    /** {ArrayId}. */
    public static final int UNKNOWN_ARRAY = 1003;
    /** {DeviceId}. */
    public static final int UNKNOWN_DEVICE = 1004;
    /** {Key}. */
    public static final int UNKNOWN_KEY = 1005;
    /** {GroupId}. */
    public static final int UNKNOWN_GROUP = 1006;
    /** {Object}, {State}. */
    public static final int WRONG_STATE = 1007;
    /** {Object}, {Reason}. */
    public static final int OPERATION_FAILED = 1008;
    /** {Reason}. */
    public static final int MALFORMED_REQUEST = 1009;
    /** {Parameter}. */
    public static final int MISSING_CONNECTION_PARAMETER = 1010;
    /** {Key}. */
    public static final int TEST_FAILOVER_RUNNING = 1011;
    /** {Key}. */
    public static final int NO_REPLICA_YET = 1012;
    /** {RecoveryPoint}, {Key}. */
    public static final int UNKNOWN_RECOVERY_POINT = 1013;
    /** {Object}, {Reason}. */
    public static final int REPLICATION_BROKEN = 1014;
    /** {SyncId}. */
    public static final int UNKNOWN_SYNC = 1015;
    /** {Driver}. */
    public static final int DRIVER_NOT_AVAILABLE = 1016;
    /** {DeviceId}, {Filter}. */
    public static final int EXCLUDED_BY_FILTER = 1017;
    /** {DeviceId}, {GroupId}. */
    public static final int DEVICE_IN_GROUP = 1018;
    /** {Object}, {Seconds}: the command deadline was reached before this item was done (INV-3). */
    public static final int COMMAND_DEADLINE_REACHED = 1019;
    /** {Address}, {Fingerprint}: the array's TLS certificate is not the pinned one. */
    public static final int TLS_FINGERPRINT_MISMATCH = 1020;
    /** {Address}, {Fingerprint}: the array's TLS certificate has expired (or is not valid yet). */
    public static final int TLS_CERTIFICATE_EXPIRED = 1021;
    /** {Address}, {Fingerprint}: the array's TLS certificate is issued for another host. */
    public static final int TLS_WRONG_HOST = 1022;
    /** {Address}, {Fingerprint}: the array's TLS certificate is not signed by a trusted authority. */
    public static final int TLS_UNTRUSTED = 1023;

    /** Warning: {Object} already in the requested state (no-op). */
    public static final int ALREADY_IN_STATE = 2001;
    /** Warning: {Object} {Reason} presentation failed. */
    public static final int PRESENTATION_FAILED = 2002;
    /** Warning: {Object} {Reason} replication settings invalid, fix manually. */
    public static final int SETTINGS_INVALID = 2003;
    /** Warning: {Object} prepareFailover after the peer was already failed over. */
    public static final int PEER_ALREADY_FAILED_OVER = 2004;
    /** Warning: {Object} replication not fully set up. */
    public static final int REPLICATION_NOT_SET_UP = 2005;
    /** Warning: {Key} nothing to stop (no test copy). */
    public static final int NOTHING_TO_STOP = 2006;

    /** First code SRAs may define (ERR-1). */
    public static final int FIRST_SRA_CODE = 1000;
    /** First code of OpenSRA's warnings. */
    public static final int FIRST_SRA_WARNING = 2000;

    private ErrorCodes() {
    }
}
