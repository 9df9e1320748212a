package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/** failover result of a device within a group (Table 11). */
public record PromotedGroupDevice(String key, Optional<Promotion> promotion, Optional<Identity> identity) {
    public PromotedGroupDevice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(identity, "identity");
    }
}
