package org.opensra.protocol;

import java.util.Optional;

/**
 * The 22 commands of the SRA 2.0 interface: the wire name sent in {@code <Name>}, the parameters
 * element that carries their arguments (absent for commands without arguments) and the result
 * element of a successful response.
 */
public enum CommandName {
    QUERY_INFO("queryInfo", null, "AdapterInfo", false),
    QUERY_STRINGS("queryStrings", "QueryStringsParameters", "Strings", false),
    QUERY_ERROR_DEFINITIONS("queryErrorDefinitions", null, "ErrorDefinitions", false),
    QUERY_CAPABILITIES("queryCapabilities", null, "AdapterCapabilities", false),
    QUERY_CONNECTION_PARAMETERS("queryConnectionParameters", null, "AdapterConnectionParameters", false),
    DISCOVER_ARRAYS("discoverArrays", null, "Arrays", true),
    DISCOVER_DEVICES("discoverDevices", "DiscoverDevicesParameters", "ReplicatedDevices", true),
    QUERY_REPLICATION_SETTINGS("queryReplicationSettings", "QueryReplicationSettingsParameters",
            "ReplicationSettings", true),
    QUERY_DEVICE_DETAILS("queryDeviceDetails", "QueryDeviceDetailsParameters", "DeviceDetails", true),
    QUERY_RECOVERY_POINTS("queryRecoveryPoints", "QueryRecoveryPointsParameters",
            "QueryRecoveryPointsResults", true),
    SYNC_ONCE("syncOnce", "SyncOnceParameters", "SyncOnceResults", true),
    QUERY_SYNC_STATUS("querySyncStatus", "QuerySyncStatusParameters", "QuerySyncStatusResults", true),
    CHECK_TEST_FAILOVER_START("checkTestFailoverStart", "CheckTestFailoverStartParameters",
            "CheckTestFailoverStartResults", true),
    TEST_FAILOVER_START("testFailoverStart", "TestFailoverStartParameters", "TestFailoverStartResults", true),
    TEST_FAILOVER_STOP("testFailoverStop", "TestFailoverStopParameters", "TestFailoverStopResults", true),
    CHECK_FAILOVER("checkFailover", "CheckFailoverParameters", "CheckFailoverResults", true),
    PREPARE_FAILOVER("prepareFailover", "PrepareFailoverParameters", "PrepareFailoverResults", true),
    FAILOVER("failover", "FailoverParameters", "FailoverResults", true),
    PREPARE_REVERSE_REPLICATION("prepareReverseReplication", "PrepareReverseReplicationParameters",
            "PrepareReverseReplicationResults", true),
    REVERSE_REPLICATION("reverseReplication", "ReverseReplicationParameters", "ReverseReplicationResults", true),
    PREPARE_RESTORE_REPLICATION("prepareRestoreReplication", "PrepareRestoreReplicationParameters",
            "PrepareRestoreReplicationResults", true),
    RESTORE_REPLICATION("restoreReplication", "RestoreReplicationParameters", "RestoreReplicationResults", true);

    private final String wireName;
    private final String parametersElement;
    private final String resultsElement;
    private final boolean arrayCommand;

    CommandName(String wireName, String parametersElement, String resultsElement, boolean arrayCommand) {
        this.wireName = wireName;
        this.parametersElement = parametersElement;
        this.resultsElement = resultsElement;
        this.arrayCommand = arrayCommand;
    }

    /** The name as sent in the request's {@code <Name>} element, e.g. {@code queryInfo}. */
    public String wireName() {
        return wireName;
    }

    /** The element carrying the command's arguments, empty for commands that take none. */
    public Optional<String> parametersElement() {
        return Optional.ofNullable(parametersElement);
    }

    /** The first child element of a successful {@code <Response>}. */
    public String resultsElement() {
        return resultsElement;
    }

    /** True for the 17 array commands, whose requests carry {@code <Connections>}. */
    public boolean isArrayCommand() {
        return arrayCommand;
    }

    /** The command of the given wire name (exact, case sensitive); empty for unknown names (error 100). */
    public static Optional<CommandName> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        for (CommandName c : values()) {
            if (c.wireName.equals(trimmed)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
