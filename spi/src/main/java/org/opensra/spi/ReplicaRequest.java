package org.opensra.spi;

import java.util.Objects;
import java.util.Optional;

/** A replica (volume or group) to copy or promote, from a recovery point or, when empty, the latest data (RP-2). */
public record ReplicaRequest(ObjectRef replica, Optional<String> recoveryPointId) {
    public ReplicaRequest {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(recoveryPointId, "recoveryPointId");
    }

    public static ReplicaRequest latest(ObjectRef replica) {
        return new ReplicaRequest(replica, Optional.empty());
    }
}
