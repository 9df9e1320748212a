package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/** failover result of a standalone device (FO-2): promoted id/state, identity (absent if unpresented), RP. */
public record PromotedDevice(Promotion promotion, Optional<Identity> identity, RecoveryPoint recoveryPoint) {
    public PromotedDevice {
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
    }
}
