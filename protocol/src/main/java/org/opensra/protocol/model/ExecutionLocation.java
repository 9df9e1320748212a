package org.opensra.protocol.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a command runs relative to the replication (CAP-4). */
public enum ExecutionLocation {
    SOURCE("source"), TARGET("target");

    private final String wireName;

    ExecutionLocation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ExecutionLocation> fromWire(String value) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(value == null ? null : value.trim()))
                .findFirst();
    }
}
