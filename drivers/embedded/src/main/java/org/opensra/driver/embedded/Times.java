package org.opensra.driver.embedded;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** ISO-8601 times of the API. */
final class Times {
    private Times() {
    }

    static Optional<Instant> parse(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
