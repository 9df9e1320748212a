package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reverse or restore did for one item.
 *
 * @param changed false when replication already ran in the requested direction (REV-5, RES-4)
 * @param appliedSettings the replication settings in force afterwards (logged)
 * @param settingsProblem why the given settings could not be applied, or why replication is not
 *     fully set up (the adapter warns 2003 / 2005; the operation still succeeds: REV-7, RES-6)
 * @param failsafeSnapshot the snapshot that keeps a usable copy at the destination until the next
 *     sync completes (REV-4, RES-3)
 * @param details what was done, in the array's terms (logged)
 */
public record ReplicationChange(boolean changed, Map<String, String> appliedSettings, Optional<String> settingsProblem,
                                Optional<String> failsafeSnapshot, Map<String, String> details) {
    public ReplicationChange {
        appliedSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(appliedSettings));
        Objects.requireNonNull(settingsProblem, "settingsProblem");
        Objects.requireNonNull(failsafeSnapshot, "failsafeSnapshot");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
