package org.opensra.adapter.error;

import static org.opensra.adapter.ErrorCodes.*;

import java.util.ArrayList;
import java.util.List;
import org.opensra.spi.LocalizedText;

/**
 * The English texts of every code of docs/ARCHITECTURE.md. StringIds follow the spec's example
 * ({@code Description1001}, {@code FixHint1001}); translations live in
 * {@code opensra/strings_<locale>.properties}.
 */
final class ErrorTable {

    private ErrorTable() {
    }

    static List<ErrorDefinition> all() {
        List<ErrorDefinition> d = new ArrayList<>(32);
        e(d, COMMAND_NOT_SUPPORTED, "Command {Command} not supported.",
                "Install an SRA version that supports the command {Command}.", "Command");
        e(d, LOCALE_NOT_SUPPORTED, "Locale {Locale} not supported.",
                "Use one of the locales en, de, fr, ja or zh-CN.", "Locale");
        w(d, REPLICATION_IN_PROGRESS, "Replication of device {Device} is in progress.",
                "Wait until the running replication of {Device} completes.", "Device");

        e(d, INTERNAL_ERROR, "OpenSRA internal error: {Reason}",
                "Check the OpenSRA log in the SRM log directory and report the problem to the OpenSRA project.",
                "Reason");
        e(d, ARRAY_UNREACHABLE, "Cannot reach the array management address {Address}.",
                "Make sure the address {Address} is correct, the array management service is running and the network allows the connection.",
                "Address");
        e(d, CREDENTIALS_REFUSED, "The array at {Address} refused the user name or password.",
                "Check the user name and password of the array manager in SRM.", "Address");
        e(d, UNKNOWN_ARRAY, "Unknown array {ArrayId}.",
                "Rescan the array managers in SRM: the array may have been removed or renamed.", "ArrayId");
        e(d, UNKNOWN_DEVICE, "Unknown device {DeviceId}.",
                "Rescan the devices in SRM: the device may have been deleted.", "DeviceId");
        e(d, UNKNOWN_KEY, "Unknown replication target {Key}.",
                "Rescan the devices in SRM: the replica may have been deleted or its replication reconfigured.", "Key");
        e(d, UNKNOWN_GROUP, "Unknown consistency group {GroupId}.",
                "Rescan the devices in SRM: the consistency group may have been deleted.", "GroupId");
        e(d, WRONG_STATE, "{Object} is in state {State}, which does not allow this operation.",
                "Check the state of {Object} on the array and retry when it allows the operation.", "Object", "State");
        e(d, OPERATION_FAILED, "The array operation on {Object} failed: {Reason}",
                "Check the status and the event log of the array for {Object}, then retry.", "Object", "Reason");
        e(d, MALFORMED_REQUEST, "Malformed or incomplete request: {Reason}",
                "Make sure this SRM version is supported by OpenSRA; the OpenSRA log shows the request.", "Reason");
        e(d, MISSING_CONNECTION_PARAMETER, "Missing connection parameter {Parameter}.",
                "Edit the array manager in SRM and fill in {Parameter}.", "Parameter");
        e(d, TEST_FAILOVER_RUNNING, "A test failover is already running on the target {Key}.",
                "Run the test cleanup for {Key} before starting a new test.", "Key");
        e(d, NO_REPLICA_YET, "The target {Key} has no replica yet: the initial synchronization is not complete.",
                "Wait until the initial replication of {Key} has completed, then retry.", "Key");
        e(d, UNKNOWN_RECOVERY_POINT, "The recovery point {RecoveryPoint} does not exist for the target {Key}.",
                "Choose a recovery point listed for {Key}, or use the latest one.", "RecoveryPoint", "Key");
        e(d, REPLICATION_BROKEN, "Replication of {Object} is broken: {Reason}",
                "Check the replication link between the arrays and repair the replication of {Object}.",
                "Object", "Reason");
        e(d, UNKNOWN_SYNC, "Unknown synchronization {SyncId}.",
                "Start a new synchronization: the array may have been restarted.", "SyncId");
        e(d, DRIVER_NOT_AVAILABLE, "The array driver {Driver} is not installed or is misconfigured.",
                "Check the driver setting in sra/conf/opensra.properties and that the driver's jar is in sra/lib.",
                "Driver");
        e(d, EXCLUDED_BY_FILTER, "The device {DeviceId} is excluded by the device name filter {Filter}.",
                "Change the device name prefix of the array manager in SRM, or rename the device.",
                "DeviceId", "Filter");
        e(d, DEVICE_IN_GROUP, "The device {DeviceId} belongs to the consistency group {GroupId} and must be handled with it.",
                "Protect and recover the whole consistency group {GroupId}.", "DeviceId", "GroupId");
        e(d, COMMAND_DEADLINE_REACHED, "The command deadline of {Seconds} seconds was reached before {Object} was done.",
                "Check that the arrays are reachable and not overloaded, then retry the operation for {Object}; the deadline is command.deadlineSeconds in sra/conf/opensra.properties and must stay below the SRA timeout of SRM.",
                "Object", "Seconds");
        e(d, TLS_FINGERPRINT_MISMATCH, "The array at {Address} presented a TLS certificate with fingerprint {Fingerprint}, not the pinned one.",
                "If the array's certificate was replaced on purpose (check on the array with sra-array array show), set the TLS fingerprint of the array manager in SRM to {Fingerprint}; otherwise something else answers at {Address}: do not connect.",
                "Address", "Fingerprint");
        e(d, TLS_CERTIFICATE_EXPIRED, "The TLS certificate of the array at {Address} (fingerprint {Fingerprint}) has expired or is not valid yet.",
                "Renew the array's certificate (or check the clocks of the SRM server and the array), then set the new fingerprint in the array manager if it is pinned; the expired certificate has fingerprint {Fingerprint}.",
                "Address", "Fingerprint");
        e(d, TLS_WRONG_HOST, "The TLS certificate of the array at {Address} (fingerprint {Fingerprint}) is issued for another host.",
                "Use the host name the certificate names in the array manager's address, or give the array a certificate for {Address}; or pin the certificate by setting the TLS fingerprint to {Fingerprint} after checking it on the array.",
                "Address", "Fingerprint");
        e(d, TLS_UNTRUSTED, "The TLS certificate of the array at {Address} (fingerprint {Fingerprint}) is not signed by a trusted authority.",
                "Check on the array (sra-array array show) that its fingerprint is {Fingerprint}, then set it as the TLS fingerprint of the array manager in SRM, or add the array's CA to embedded.caFile in sra/conf/opensra.properties.",
                "Address", "Fingerprint");

        w(d, ALREADY_IN_STATE, "{Object} is already in the requested state; nothing was changed.",
                "No action is needed.", "Object");
        w(d, PRESENTATION_FAILED, "{Object} could not be presented to the hosts: {Reason}",
                "Present {Object} to the hosts manually on the array, or fix the host configuration and retry.",
                "Object", "Reason");
        w(d, SETTINGS_INVALID, "The replication settings of {Object} are invalid and were not applied: {Reason}",
                "Review and fix the replication settings of {Object} manually on the array.", "Object", "Reason");
        w(d, PEER_ALREADY_FAILED_OVER, "prepareFailover ran after the peer of {Object} was already failed over.",
                "No action is needed: {Object} was made read-only after the disaster recovery.", "Object");
        w(d, REPLICATION_NOT_SET_UP, "Replication of {Object} is not fully set up.",
                "Check the replication configuration of {Object} on both arrays.", "Object");
        w(d, NOTHING_TO_STOP, "There is no test copy of {Key} to stop.",
                "No action is needed: the test copy was already removed.", "Key");
        return d;
    }

    private static void e(List<ErrorDefinition> d, int code, String description, String fixHint, String... placeholders) {
        d.add(definition(code, ErrorKind.ERROR, description, fixHint, placeholders));
    }

    private static void w(List<ErrorDefinition> d, int code, String description, String fixHint, String... placeholders) {
        d.add(definition(code, ErrorKind.WARNING, description, fixHint, placeholders));
    }

    private static ErrorDefinition definition(
            int code, ErrorKind kind, String description, String fixHint, String... placeholders) {
        return new ErrorDefinition(code, kind, List.of(placeholders),
                LocalizedText.of("Description" + code, description), LocalizedText.of("FixHint" + code, fixHint));
    }
}
