package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;

/** failover result of a target group (Table 11): promoted id/state, recovery point and devices. */
public record PromotedGroup(Promotion promotion, RecoveryPoint recoveryPoint, List<PromotedGroupDevice> devices) {
    public PromotedGroup {
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("a promoted group needs at least one TargetDevice");
        }
    }
}
