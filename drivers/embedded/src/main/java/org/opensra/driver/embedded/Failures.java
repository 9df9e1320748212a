package org.opensra.driver.embedded;

import java.util.Optional;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;
import org.opensra.spi.ObjectRef;

/**
 * Maps the array's API errors (API.md, "Errors") to the SPI's {@link DriverError}s, with the
 * placeholders naming the object: per item of a batch, or for a whole call.
 */
final class Failures {

    /** What the ids of a call are, which decides the "unknown" error an unknown id gets. */
    enum Subject {
        /** source volume ids / consistency group ids */
        SOURCE,
        /** replica ids (TargetDevice / TargetGroup keys) */
        REPLICA,
        /** any volume id (source, promoted, clone) */
        DEVICE
    }

    private Failures() {
    }

    /** The failure of one item, for an error the array reported for it. */
    static DriverFailure item(ApiError e, ObjectRef ref, Subject subject, Optional<String> recoveryPoint) {
        String id = ref.id();
        String message = e.message();
        switch (e.code()) {
            case "NOT_FOUND":
                if (recoveryPoint.isPresent() && e.object().filter(recoveryPoint.get()::equals).isPresent()) {
                    return DriverFailure.of(DriverError.UNKNOWN_RECOVERY_POINT, message,
                            "RecoveryPoint", recoveryPoint.get(), "Key", id);
                }
                return unknown(ref, subject, message);
            case "WRONG_STATE":
                if (subject == Subject.REPLICA && mentionsNoReplica(message)) {
                    return DriverFailure.of(DriverError.NO_REPLICA, message, "Key", id);
                }
                return DriverFailure.of(DriverError.WRONG_STATE, message, "Object", id, "State", message);
            case "CONFLICT":
                if (subject == Subject.REPLICA && message.toLowerCase(java.util.Locale.ROOT).contains("clone")) {
                    return DriverFailure.of(DriverError.TEST_COPY_EXISTS, message, "Key", id);
                }
                return DriverFailure.of(DriverError.OPERATION_FAILED, message, "Object", id, "Reason", message);
            case "PEER_UNREACHABLE":
                return DriverFailure.of(DriverError.OPERATION_FAILED, message, "Object", id,
                        "Reason", "the peer array is unreachable: " + message);
            default:
                return DriverFailure.of(DriverError.OPERATION_FAILED, message, "Object", id, "Reason", message);
        }
    }

    /** The failure of an id the array does not know. */
    static DriverFailure unknown(ObjectRef ref, Subject subject, String message) {
        if (ref.isGroup()) {
            return DriverFailure.of(DriverError.UNKNOWN_GROUP, message, "GroupId", ref.id());
        }
        return subject == Subject.REPLICA
                ? DriverFailure.of(DriverError.UNKNOWN_KEY, message, "Key", ref.id())
                : DriverFailure.of(DriverError.UNKNOWN_DEVICE, message, "DeviceId", ref.id());
    }

    /** A whole call the array refused (not transport or credentials: {@link ArrayClient} maps those). */
    static DriverException whole(ApiException e, String operation) {
        ApiError error = e.error();
        String object = error.object().orElse(operation);
        if (error.is("PEER_UNREACHABLE")) {
            return DriverFailure.of(DriverError.OPERATION_FAILED, operation + ": " + error.message(),
                    "Object", object, "Reason", "the peer array is unreachable: " + error.message()).toException();
        }
        return DriverFailure.of(DriverError.OPERATION_FAILED, operation + ": " + error.code() + " " + error.message(),
                "Object", object, "Reason", error.message()).toException();
    }

    static boolean mentionsNoReplica(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("no replica") || m.contains("initial sync") || m.contains("not synced")
                || m.contains("no recovery point") || m.contains("never synced");
    }
}
