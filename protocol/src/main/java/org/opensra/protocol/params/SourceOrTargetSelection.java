package org.opensra.protocol.params;

import java.util.List;

/**
 * The items of a command that has a source form (ConsistencyGroups/SourceDevices by id) and a target form
 * (TargetGroups/TargetDevices by key), chosen by the command's execution location (SYNC-4, RS-1).
 */
public interface SourceOrTargetSelection {
    List<String> consistencyGroups();

    List<String> sourceDevices();

    List<String> targetGroups();

    List<String> targetDevices();

    /** True when the request names targets (the command runs at the replication target). */
    default boolean isTargetForm() {
        return !targetGroups().isEmpty() || !targetDevices().isEmpty();
    }

    static void requireOneForm(List<String> cgs, List<String> sds, List<String> tgs, List<String> tds) {
        if ((!cgs.isEmpty() || !sds.isEmpty()) && (!tgs.isEmpty() || !tds.isEmpty())) {
            throw new IllegalArgumentException(
                    "source form (ConsistencyGroups/SourceDevices) and target form (TargetGroups/TargetDevices) mixed");
        }
    }
}
