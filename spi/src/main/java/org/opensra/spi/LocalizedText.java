package org.opensra.spi;

import java.util.Objects;

/**
 * A user-visible string: the English text (always present) and an optional stringId under which
 * translations are published by queryStrings (LOC-1).
 */
public record LocalizedText(String stringId, String english) {
    public LocalizedText {
        Objects.requireNonNull(english, "english");
    }

    public static LocalizedText of(String stringId, String english) {
        return new LocalizedText(stringId, english);
    }
}
