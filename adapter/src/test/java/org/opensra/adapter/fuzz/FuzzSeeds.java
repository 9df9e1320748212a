package org.opensra.adapter.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * Valid requests of all 22 commands (INV-2), as SRM writes them, with the spec's element names and ids of
 * the fake two-site fabric (array-a: v1, v2, v3, cg1; array-b: r1, r2, r3, tg1): the starting points the
 * {@link RequestFuzzer} mutates. Paths are in the case folder; the connection carries the distinctive
 * credentials of {@link #USERNAME} and {@link #PASSWORD} (SEC-1).
 */
public final class FuzzSeeds {
    public static final String USERNAME = "fuzzUser-Q7zK9m";
    public static final String PASSWORD = "fuzzPass-X3vW8sR";
    public static final String NAMESPACE = "http://www.vmware.com/srm/sra/v2";

    /** The 22 command names of the spec, in its order. */
    public static final List<String> COMMANDS = List.of("queryInfo", "queryStrings", "queryErrorDefinitions",
            "queryCapabilities", "queryConnectionParameters", "discoverArrays", "discoverDevices",
            "queryReplicationSettings", "queryDeviceDetails", "queryRecoveryPoints", "syncOnce", "querySyncStatus",
            "checkTestFailoverStart", "testFailoverStart", "testFailoverStop", "checkFailover", "prepareFailover",
            "failover", "prepareReverseReplication", "reverseReplication", "prepareRestoreReplication",
            "restoreReplication");

    private static final String SETTINGS = "<ReplicationSettings><Setting name=\"rpo\" value=\"300\"/>"
            + "<Setting name=\"mode\" value=\"async\"/></ReplicationSettings>";

    private FuzzSeeds() {
    }

    /** The array a command runs on in its seed: array-b for the target-side commands. */
    public static String arrayOf(String command) {
        switch (command) {
            case "queryRecoveryPoints":
            case "checkTestFailoverStart":
            case "testFailoverStart":
            case "testFailoverStop":
            case "checkFailover":
            case "failover":
            case "reverseReplication":
            case "prepareRestoreReplication":
                return "array-b";
            default:
                return "array-a";
        }
    }

    /** The parameters element of a command's seed, empty for the commands without one. */
    static String parameters(String command) {
        String a = arrayOf(command);
        String peer = a.equals("array-a") ? "array-b" : "array-a";
        String ids = "<ArrayId>" + a + "</ArrayId><PeerArrayId>" + peer + "</PeerArrayId>";
        switch (command) {
            case "queryStrings":
                return "<QueryStringsParameters><Locale>en</Locale></QueryStringsParameters>";
            case "discoverDevices":
                return "<DiscoverDevicesParameters>" + ids + "</DiscoverDevicesParameters>";
            case "queryReplicationSettings":
                return "<QueryReplicationSettingsParameters>" + ids
                        + "<ConsistencyGroups><ConsistencyGroup id=\"cg1\"/></ConsistencyGroups>"
                        + "<SourceDevices><SourceDevice id=\"v1\"/></SourceDevices></QueryReplicationSettingsParameters>";
            case "queryDeviceDetails":
                return "<QueryDeviceDetailsParameters><ArrayId>array-a</ArrayId>"
                        + "<Devices><Device id=\"v1\"/><Device id=\"v2\"/></Devices></QueryDeviceDetailsParameters>";
            case "syncOnce":
                return "<SyncOnceParameters>" + ids
                        + "<ConsistencyGroups><ConsistencyGroup id=\"cg1\"/></ConsistencyGroups>"
                        + "<SourceDevices><SourceDevice id=\"v1\"/></SourceDevices></SyncOnceParameters>";
            case "querySyncStatus":
                return "<QuerySyncStatusParameters>" + ids
                        + "<ConsistencyGroups><ConsistencyGroup id=\"cg1\" syncId=\"job-1\"/></ConsistencyGroups>"
                        + "<SourceDevices><SourceDevice id=\"v1\" syncId=\"job-2\"/></SourceDevices>"
                        + "</QuerySyncStatusParameters>";
            case "queryRecoveryPoints":
            case "checkTestFailoverStart":
            case "testFailoverStop":
            case "checkFailover": {
                String element = Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Parameters";
                return "<" + element + "><ArrayId>array-b</ArrayId>"
                        + "<TargetGroups><TargetGroup key=\"tg1\"/></TargetGroups>"
                        + "<TargetDevices><TargetDevice key=\"r1\"/></TargetDevices></" + element + ">";
            }
            case "testFailoverStart":
            case "failover": {
                String element = command.equals("failover") ? "FailoverParameters" : "TestFailoverStartParameters";
                return "<" + element + "><ArrayId>array-b</ArrayId>"
                        + "<AccessGroups><AccessGroup id=\"ig-1\"><Initiator id=\"iqn.esx1\" type=\"iSCSI\"/>"
                        + "</AccessGroup></AccessGroups>"
                        + "<TargetGroups><TargetGroup key=\"tg1\"><RecoveryPoint id=\"rp-1\"/></TargetGroup></TargetGroups>"
                        + "<TargetDevices><TargetDevice key=\"r1\"><AccessGroups><AccessGroup id=\"ig-1\"/></AccessGroups>"
                        + "</TargetDevice></TargetDevices></" + element + ">";
            }
            case "prepareFailover":
                return "<PrepareFailoverParameters><ArrayId>array-a</ArrayId>"
                        + "<ConsistencyGroups><ConsistencyGroup id=\"cg1\"/></ConsistencyGroups>"
                        + "<SourceDevices><SourceDevice id=\"v1\"/></SourceDevices></PrepareFailoverParameters>";
            case "prepareReverseReplication":
            case "reverseReplication":
            case "prepareRestoreReplication":
            case "restoreReplication": {
                String element = Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Parameters";
                boolean onA = a.equals("array-a");
                return "<" + element + ">" + ids
                        + "<ConsistencyGroups><ConsistencyGroup id=\"" + (onA ? "cg1" : "tg1") + "\">" + SETTINGS
                        + "</ConsistencyGroup></ConsistencyGroups>"
                        + "<Devices><Device id=\"" + (onA ? "v1" : "r1") + "\">" + SETTINGS + "</Device></Devices></"
                        + element + ">";
            }
            default:
                return "";
        }
    }

    /** A valid request of {@code command} with its connection on {@code address}. */
    public static String request(String command, Path dir, String address) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Command xmlns=\"" + NAMESPACE + "\">\n"
                + "<Name>" + command + "</Name>\n"
                + "<Connections><Connection id=\"array\">"
                + "<Addresses><Address id=\"managementAddress\">" + address + "</Address></Addresses>"
                + "<Username>" + USERNAME + "</Username><Password>" + PASSWORD + "</Password>"
                + "<Opaques><Opaque id=\"deviceNamePrefix\">prod</Opaque></Opaques>"
                + "</Connection></Connections>\n"
                + "<OutputFile>" + dir.resolve("response.xml") + "</OutputFile>\n"
                + "<StatusFile>" + dir.resolve("status.xml") + "</StatusFile>\n"
                + "<LogLevel>trivia</LogLevel>\n"
                + "<LogDirectory>" + dir.resolve("logs") + "</LogDirectory>\n"
                + parameters(command) + "\n"
                + "</Command>\n";
    }
}
