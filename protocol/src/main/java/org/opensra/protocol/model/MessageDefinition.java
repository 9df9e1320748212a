package org.opensra.protocol.model;

import java.util.Objects;

/** A predefined error or warning (ERR-6): code, description and fix hint, both may hold {Placeholders}. */
public record MessageDefinition(int code, LocalizedText description, LocalizedText fixHint) {
    public MessageDefinition {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fixHint, "fixHint");
    }
}
