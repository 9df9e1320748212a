package org.opensra.protocol.model;

import java.util.Objects;
import java.util.Optional;

/** A localisable text: English text plus an optional {@code stringId} for SRM to translate (LOC-1). */
public record LocalizedText(String text, Optional<String> stringId) {
    public LocalizedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stringId, "stringId");
    }

    public static LocalizedText of(String text) {
        return new LocalizedText(text, Optional.empty());
    }

    public static LocalizedText of(String text, String stringId) {
        return new LocalizedText(text, Optional.of(stringId));
    }
}
