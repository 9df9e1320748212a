package org.opensra.adapter.workflow;

import static org.opensra.adapter.ErrorCodes.*;

import java.util.List;
import java.util.Map;
import org.opensra.protocol.Message;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverFailure;

/**
 * The errors and warnings the workflows report, as predefined messages of the adapter's catalogue
 * (docs/ARCHITECTURE.md), and the mapping of {@link DriverError}s to codes. Placeholders are written in
 * the catalogue's order; a placeholder the driver did not give is filled with the object the workflow
 * was acting on, so every message names its object.
 */
public final class Errors {

    private Errors() {
    }

    // ---------------------------------------------------------------- errors

    public static Message internal(String reason) {
        return Message.predefined(INTERNAL_ERROR, "Reason", reason);
    }

    public static Message unknownArray(String arrayId) {
        return Message.predefined(UNKNOWN_ARRAY, "ArrayId", arrayId);
    }

    public static Message unknownDevice(String id) {
        return Message.predefined(UNKNOWN_DEVICE, "DeviceId", id);
    }

    public static Message unknownKey(String key) {
        return Message.predefined(UNKNOWN_KEY, "Key", key);
    }

    public static Message unknownGroup(String id) {
        return Message.predefined(UNKNOWN_GROUP, "GroupId", id);
    }

    public static Message wrongState(String object, String state) {
        return Message.predefined(WRONG_STATE, "Object", object, "State", state);
    }

    public static Message operationFailed(String object, String reason) {
        return Message.predefined(OPERATION_FAILED, "Object", object, "Reason", reason);
    }

    public static Message testFailoverRunning(String key) {
        return Message.predefined(TEST_FAILOVER_RUNNING, "Key", key);
    }

    public static Message noReplicaYet(String key) {
        return Message.predefined(NO_REPLICA_YET, "Key", key);
    }

    public static Message replicationBroken(String object, String reason) {
        return Message.predefined(REPLICATION_BROKEN, "Object", object, "Reason", reason);
    }

    public static Message excludedByFilter(String deviceId, String filter) {
        return Message.predefined(EXCLUDED_BY_FILTER, "DeviceId", deviceId, "Filter", filter);
    }

    public static Message deviceInGroup(String deviceId, String groupId) {
        return Message.predefined(DEVICE_IN_GROUP, "DeviceId", deviceId, "GroupId", groupId);
    }

    // ---------------------------------------------------------------- warnings

    public static Message alreadyInState(String object) {
        return Message.predefined(ALREADY_IN_STATE, "Object", object);
    }

    public static Message presentationFailed(String object, String reason) {
        return Message.predefined(PRESENTATION_FAILED, "Object", object, "Reason", reason);
    }

    public static Message settingsInvalid(String object, String reason) {
        return Message.predefined(SETTINGS_INVALID, "Object", object, "Reason", reason);
    }

    public static Message peerAlreadyFailedOver(String object) {
        return Message.predefined(PEER_ALREADY_FAILED_OVER, "Object", object);
    }

    public static Message replicationNotSetUp(String object) {
        return Message.predefined(REPLICATION_NOT_SET_UP, "Object", object);
    }

    public static Message nothingToStop(String key) {
        return Message.predefined(NOTHING_TO_STOP, "Key", key);
    }

    public static Message replicationInProgress(String device) {
        return Message.predefined(REPLICATION_IN_PROGRESS, "Device", device);
    }

    // ---------------------------------------------------------------- driver errors

    /** The code a driver error is reported with. */
    public static int code(DriverError error) {
        return switch (error) {
            case ARRAY_UNREACHABLE -> ARRAY_UNREACHABLE;
            case AUTHENTICATION_FAILED -> CREDENTIALS_REFUSED;
            case UNKNOWN_ARRAY -> UNKNOWN_ARRAY;
            case UNKNOWN_DEVICE -> UNKNOWN_DEVICE;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case UNKNOWN_GROUP -> UNKNOWN_GROUP;
            case WRONG_STATE -> WRONG_STATE;
            case OPERATION_FAILED, UNSUPPORTED -> OPERATION_FAILED;
            case TEST_COPY_EXISTS -> TEST_FAILOVER_RUNNING;
            case NO_REPLICA -> NO_REPLICA_YET;
            case UNKNOWN_RECOVERY_POINT -> UNKNOWN_RECOVERY_POINT;
            case REPLICATION_BROKEN -> REPLICATION_BROKEN;
            case UNKNOWN_SYNC -> UNKNOWN_SYNC;
            case DEADLINE_REACHED -> COMMAND_DEADLINE_REACHED;
            case TLS_FINGERPRINT_MISMATCH -> TLS_FINGERPRINT_MISMATCH;
            case TLS_CERTIFICATE_EXPIRED -> TLS_CERTIFICATE_EXPIRED;
            case TLS_WRONG_HOST -> TLS_WRONG_HOST;
            case TLS_UNTRUSTED -> TLS_UNTRUSTED;
        };
    }

    /** The placeholder names of a driver error's code, in catalogue order. */
    static List<String> placeholders(DriverError error) {
        return switch (error) {
            case ARRAY_UNREACHABLE, AUTHENTICATION_FAILED -> List.of("Address");
            case UNKNOWN_ARRAY -> List.of("ArrayId");
            case UNKNOWN_DEVICE -> List.of("DeviceId");
            case UNKNOWN_KEY, TEST_COPY_EXISTS, NO_REPLICA -> List.of("Key");
            case UNKNOWN_GROUP -> List.of("GroupId");
            case WRONG_STATE -> List.of("Object", "State");
            case OPERATION_FAILED, UNSUPPORTED, REPLICATION_BROKEN -> List.of("Object", "Reason");
            case UNKNOWN_RECOVERY_POINT -> List.of("RecoveryPoint", "Key");
            case UNKNOWN_SYNC -> List.of("SyncId");
            case DEADLINE_REACHED -> List.of("Object", "Seconds");
            case TLS_FINGERPRINT_MISMATCH, TLS_CERTIFICATE_EXPIRED, TLS_WRONG_HOST, TLS_UNTRUSTED ->
                    List.of("Address", "Fingerprint");
        };
    }

    /**
     * The message for a driver failure about {@code object} (the id as the request named it). Missing
     * placeholders: the object for names, the driver's message for Reason, "unknown" for State.
     */
    public static Message fromDriver(DriverFailure failure, String object) {
        Map<String, String> given = failure.placeholders();
        List<String> names = placeholders(failure.error());
        String[] pairs = new String[names.size() * 2];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                value = switch (name) {
                    case "Reason" -> failure.message();
                    case "State" -> "unknown";
                    case "RecoveryPoint" -> "(unnamed)";
                    default -> object;
                };
            }
            pairs[2 * i] = name;
            pairs[2 * i + 1] = value;
        }
        return Message.predefined(code(failure.error()), pairs);
    }
}
