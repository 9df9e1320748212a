package org.opensra.protocol.model;

import java.util.Objects;

/** A device property as a name-value pair (queryDeviceDetails, DET-1). */
public record CustomProperty(String name, String value) {
    public CustomProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
