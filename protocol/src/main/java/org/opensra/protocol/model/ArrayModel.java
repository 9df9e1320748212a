package org.opensra.protocol.model;

import java.util.Objects;

/** An array model: name and localisable vendor (Tables 4 and 6). */
public record ArrayModel(String name, LocalizedText vendor) {
    public ArrayModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
    }
}
