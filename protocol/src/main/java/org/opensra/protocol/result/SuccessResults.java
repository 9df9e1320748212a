package org.opensra.protocol.result;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opensra.protocol.CommandName;

/**
 * The per-item Success/Error results of checkTestFailoverStart, checkFailover, testFailoverStop,
 * prepareFailover and (prepare)reverse/restoreReplication (Tables 11-13, 15). Only the collections the
 * command's table allows may be non-empty.
 */
public record SuccessResults(CommandName command, List<ItemResult<Success>> consistencyGroups,
                             List<ItemResult<Success>> sourceDevices, List<ItemResult<Success>> targetGroups,
                             List<ItemResult<Success>> targetDevices, List<ItemResult<Success>> devices)
        implements CommandResult {

    private static final Set<CommandName> TARGET_COMMANDS = EnumSet.of(CommandName.CHECK_TEST_FAILOVER_START,
            CommandName.CHECK_FAILOVER, CommandName.TEST_FAILOVER_STOP);
    private static final Set<CommandName> DEVICE_COMMANDS = EnumSet.of(CommandName.PREPARE_REVERSE_REPLICATION,
            CommandName.REVERSE_REPLICATION, CommandName.PREPARE_RESTORE_REPLICATION,
            CommandName.RESTORE_REPLICATION);

    public SuccessResults {
        Objects.requireNonNull(command, "command");
        consistencyGroups = List.copyOf(consistencyGroups);
        sourceDevices = List.copyOf(sourceDevices);
        targetGroups = List.copyOf(targetGroups);
        targetDevices = List.copyOf(targetDevices);
        devices = List.copyOf(devices);
        if (TARGET_COMMANDS.contains(command)) {
            require(consistencyGroups.isEmpty() && sourceDevices.isEmpty() && devices.isEmpty(), command);
        } else if (command == CommandName.PREPARE_FAILOVER) {
            require(targetGroups.isEmpty() && targetDevices.isEmpty() && devices.isEmpty(), command);
        } else if (DEVICE_COMMANDS.contains(command)) {
            require(sourceDevices.isEmpty() && targetGroups.isEmpty() && targetDevices.isEmpty(), command);
        } else {
            throw new IllegalArgumentException("SuccessResults is not the result of " + command);
        }
    }

    private static void require(boolean ok, CommandName command) {
        if (!ok) {
            throw new IllegalArgumentException("collection not allowed in the result of " + command);
        }
    }

    /** Target groups and devices by key: checkTestFailoverStart, checkFailover, testFailoverStop. */
    public static SuccessResults forTargets(CommandName command, List<ItemResult<Success>> targetGroups,
                                            List<ItemResult<Success>> targetDevices) {
        return new SuccessResults(command, List.of(), List.of(), targetGroups, targetDevices, List.of());
    }

    /** prepareFailover: consistency groups and source devices by id. */
    public static SuccessResults forPrepareFailover(List<ItemResult<Success>> consistencyGroups,
                                                    List<ItemResult<Success>> sourceDevices) {
        return new SuccessResults(CommandName.PREPARE_FAILOVER, consistencyGroups, sourceDevices, List.of(),
                List.of(), List.of());
    }

    /** (prepare)reverse/restoreReplication: consistency groups and devices by id. */
    public static SuccessResults forReplicationChange(CommandName command, List<ItemResult<Success>> consistencyGroups,
                                                      List<ItemResult<Success>> devices) {
        return new SuccessResults(command, consistencyGroups, List.of(), List.of(), List.of(), devices);
    }
}
