package org.opensra.protocol.model;

import java.util.Objects;

/** A device property queryDeviceDetails returns: name and localisable label (CAP-6). */
public record CustomPropertyDefinition(String name, LocalizedText label) {
    public CustomPropertyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }
}
