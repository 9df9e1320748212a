package org.opensra.adapter.error;

import java.util.List;
import java.util.Objects;
import org.opensra.spi.LocalizedText;

/**
 * One predefined error or warning (ERR-2, ERR-6): its code, the names of its placeholders in the order
 * they are written, and an English description and fix hint with {@code {Placeholder}}s, each carrying
 * a stringId for translation (LOC-1).
 */
public record ErrorDefinition(
        int code, ErrorKind kind, List<String> placeholders, LocalizedText description, LocalizedText fixHint) {

    public ErrorDefinition {
        placeholders = List.copyOf(placeholders);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fixHint, "fixHint");
    }

    /** Whether SRM defines this code itself (ERR-1: codes below 1000). */
    public boolean srmDefined() {
        return code < 1000;
    }
}
