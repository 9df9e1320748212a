package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of a driver operation with its {@link DriverError} and the placeholder values naming the
 * objects involved (never a credential).
 */
public class DriverException extends Exception {
    private final DriverError error;
    private final Map<String, String> placeholders;

    public DriverException(DriverError error, Map<String, String> placeholders, String message) {
        super(message);
        this.error = error;
        this.placeholders = Map.copyOf(new LinkedHashMap<>(placeholders));
    }

    public DriverException(DriverError error, Map<String, String> placeholders, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.placeholders = Map.copyOf(new LinkedHashMap<>(placeholders));
    }

    public DriverError error() {
        return error;
    }

    public Map<String, String> placeholders() {
        return placeholders;
    }
}
