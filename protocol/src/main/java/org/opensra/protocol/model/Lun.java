package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/** A logical unit number with its optional initiator group and target (Table 7). */
public record Lun(long number, Optional<String> initiatorGroupId, Optional<String> target) {
    public Lun {
        if (number < 0) {
            throw new IllegalArgumentException("negative LUN " + number);
        }
        Objects.requireNonNull(initiatorGroupId, "initiatorGroupId");
        Objects.requireNonNull(target, "target");
    }

    public static Lun of(long number) {
        return new Lun(number, Optional.empty(), Optional.empty());
    }
}
