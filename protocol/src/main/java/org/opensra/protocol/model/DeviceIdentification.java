package org.opensra.protocol.model;

import java.util.Arrays;
import java.util.Optional;

/** The DeviceIdentification feature values (Table 4, CAP-2). */
public enum DeviceIdentification {
    WWN("wwn"), INITIATOR_NUMBER("initiator+number"), NUMBER("number"), NUMBER_TARGET("number+target"),
    INITIATOR_NUMBER_TARGET("initiator+number+target");

    private final String wireName;

    DeviceIdentification(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DeviceIdentification> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(value == null ? null : value.trim()))
                .findFirst();
    }
}
