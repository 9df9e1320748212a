package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.RecoveryPoint;

/** queryRecoveryPoints result (Table 10, RP-1); element {@code <QueryRecoveryPointsResults>}. */
public record RecoveryPointsResults(List<ItemResult<List<RecoveryPoint>>> targetGroups,
                                    List<ItemResult<List<RecoveryPoint>>> targetDevices) implements CommandResult {
    public RecoveryPointsResults {
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
        for (ItemResult<List<RecoveryPoint>> item : targetGroups) {
            requireNonEmpty(item);
        }
        for (ItemResult<List<RecoveryPoint>> item : targetDevices) {
            requireNonEmpty(item);
        }
    }

    private static void requireNonEmpty(ItemResult<List<RecoveryPoint>> item) {
        if (item.success().map(List::isEmpty).orElse(false)) {
            throw new IllegalArgumentException(item.ref() + " needs at least one RecoveryPoint (Table 10)");
        }
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_RECOVERY_POINTS;
    }
}
