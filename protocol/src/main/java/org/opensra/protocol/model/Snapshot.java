package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The writable test copy of one target device (Tables 8 and 11). A device inside a group snapshot has no
 * recovery point of its own; a standalone one has. Identity is absent when presentation failed (TF-5).
 */
public record Snapshot(String id, Optional<Identity> identity, Optional<RecoveryPoint> recoveryPoint) {
    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
    }
}
