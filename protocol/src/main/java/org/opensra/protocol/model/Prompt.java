package org.opensra.protocol.model;

import java.util.Objects;

/**
 * Title and hint of a connection parameter (Table 5, CONN-1): title at most 64 characters, hint at most 256.
 */
public record Prompt(LocalizedText title, LocalizedText hint) {
    public static final int MAX_TITLE = 64;
    public static final int MAX_HINT = 256;

    public Prompt {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hint, "hint");
        if (title.text().length() > MAX_TITLE) {
            throw new IllegalArgumentException("Title longer than " + MAX_TITLE + " characters: " + title.text());
        }
        if (hint.text().length() > MAX_HINT) {
            throw new IllegalArgumentException("Hint longer than " + MAX_HINT + " characters: " + hint.text());
        }
    }
}
