package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replication settings of a volume or group as name/value pairs (RS-1): what the array needs to
 * set replication up again in the same way after reverse or restore (schedule, mode, ...). The adapter
 * carries them through SRM as an opaque blob and hands them back as a hint (RS-2).
 */
public record ReplicationSettings(Map<String, String> values) {
    public ReplicationSettings {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ReplicationSettings none() {
        return new ReplicationSettings(Map.of());
    }
}
