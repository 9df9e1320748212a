package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Result of an idempotent state change on one item.
 *
 * @param changed false when the item already was in the requested state (the adapter then warns 2001)
 * @param details what was done, in the array's terms (logged)
 */
public record Change(boolean changed, Map<String, String> details) {
    public Change {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Change changed(Map<String, String> details) {
        return new Change(true, details);
    }

    public static Change unchanged() {
        return new Change(false, Map.of());
    }
}
