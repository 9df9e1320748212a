package org.opensra.protocol.model;

import java.util.Objects;

/** The {@code id} and {@code state} attributes of a promoted target device or group (DD-3, DD-6). */
public record Promotion(String id, DeviceState state) {
    public Promotion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    public static Promotion readWrite(String id) {
        return new Promotion(id, DeviceState.READ_WRITE);
    }
}
