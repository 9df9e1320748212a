package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only snapshot kept for a later reverse or restore.
 *
 * @param id the snapshot's id on the array (logged as its name)
 * @param recoveryPoint the point in time it holds
 * @param parameters attributes used to create it (logged, Appendix A)
 */
public record ProtectiveSnapshot(String id, RecoveryPoint recoveryPoint, Map<String, String> parameters) {
    public ProtectiveSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
