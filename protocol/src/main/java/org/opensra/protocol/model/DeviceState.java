package org.opensra.protocol.model;

import java.util.Arrays;
import java.util.Optional;

/** The {@code state} attribute of devices and groups. */
public enum DeviceState {
    READ_WRITE("read-write"), READ_ONLY("read-only");

    private final String wireName;

    DeviceState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DeviceState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value == null ? null : value.trim()))
                .findFirst();
    }
}
