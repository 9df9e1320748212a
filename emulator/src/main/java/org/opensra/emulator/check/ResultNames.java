package org.opensra.emulator.check;

import java.util.Map;

/** The result element each command's Response must carry (INV-3). */
public final class ResultNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("queryInfo", "AdapterInfo"),
            Map.entry("queryStrings", "Strings"),
            Map.entry("queryErrorDefinitions", "ErrorDefinitions"),
            Map.entry("queryCapabilities", "AdapterCapabilities"),
            Map.entry("queryConnectionParameters", "AdapterConnectionParameters"),
            Map.entry("discoverArrays", "Arrays"),
            Map.entry("discoverDevices", "ReplicatedDevices"),
            Map.entry("queryReplicationSettings", "ReplicationSettings"),
            Map.entry("queryDeviceDetails", "DeviceDetails"),
            Map.entry("queryRecoveryPoints", "QueryRecoveryPointsResults"),
            Map.entry("syncOnce", "SyncOnceResults"),
            Map.entry("querySyncStatus", "QuerySyncStatusResults"),
            Map.entry("checkTestFailoverStart", "CheckTestFailoverStartResults"),
            Map.entry("checkFailover", "CheckFailoverResults"),
            Map.entry("testFailoverStart", "TestFailoverStartResults"),
            Map.entry("testFailoverStop", "TestFailoverStopResults"),
            Map.entry("prepareFailover", "PrepareFailoverResults"),
            Map.entry("failover", "FailoverResults"),
            Map.entry("prepareReverseReplication", "PrepareReverseReplicationResults"),
            Map.entry("reverseReplication", "ReverseReplicationResults"),
            Map.entry("prepareRestoreReplication", "PrepareRestoreReplicationResults"),
            Map.entry("restoreReplication", "RestoreReplicationResults"));

    private ResultNames() {
    }

    public static String of(String command) {
        return NAMES.get(command);
    }
}
