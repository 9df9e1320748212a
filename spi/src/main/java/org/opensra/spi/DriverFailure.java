package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One failure as a value: the error, the placeholder values naming the objects involved (never a
 * credential) and an English message for the log.
 */
public record DriverFailure(DriverError error, Map<String, String> placeholders, String message) {
    public DriverFailure {
        Objects.requireNonNull(error, "error");
        placeholders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
        message = message == null ? error.name() : message;
    }

    public static DriverFailure of(DriverError error, String message, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders come in name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new DriverFailure(error, map, message);
    }

    public DriverException toException() {
        return new DriverException(this);
    }
}
