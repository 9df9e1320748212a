package org.opensra.protocol.xml;

import org.opensra.protocol.CommandName;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.protocol.result.AdapterConnectionParameters;
import org.opensra.protocol.result.AdapterInfo;
import org.opensra.protocol.result.Arrays;
import org.opensra.protocol.result.CommandResult;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.ErrorDefinitions;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.protocol.result.ReplicatedDevices;
import org.opensra.protocol.result.ReplicationSettingsResults;
import org.opensra.protocol.result.Strings;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.protocol.result.SyncResults;
import org.opensra.protocol.result.TestFailoverStartResults;

/** The result elements of the 22 commands, both directions, with the tables' element names. */
public final class ResultXml {
    private ResultXml() {
    }

    public static void write(XmlOut out, CommandResult result) {
        if (result instanceof AdapterInfo r) {
            PropertyResultsXml.writeInfo(out, r);
        } else if (result instanceof Strings r) {
            PropertyResultsXml.writeStrings(out, r);
        } else if (result instanceof ErrorDefinitions r) {
            PropertyResultsXml.writeDefinitions(out, r);
        } else if (result instanceof AdapterCapabilities r) {
            PropertyResultsXml.writeCapabilities(out, r);
        } else if (result instanceof AdapterConnectionParameters r) {
            PropertyResultsXml.writeConnectionParameters(out, r);
        } else if (result instanceof Arrays r) {
            DiscoveryResultsXml.writeArrays(out, r);
        } else if (result instanceof ReplicatedDevices r) {
            DiscoveryResultsXml.writeDevices(out, r);
        } else if (result instanceof ReplicationSettingsResults r) {
            DiscoveryResultsXml.writeSettings(out, r);
        } else if (result instanceof DeviceDetails r) {
            DiscoveryResultsXml.writeDetails(out, r);
        } else if (result instanceof RecoveryPointsResults r) {
            DiscoveryResultsXml.writeRecoveryPoints(out, r);
        } else if (result instanceof SyncResults r) {
            OperationResultsXml.writeSync(out, r);
        } else if (result instanceof SuccessResults r) {
            OperationResultsXml.writeSuccess(out, r);
        } else if (result instanceof TestFailoverStartResults r) {
            OperationResultsXml.writeTestFailover(out, r);
        } else if (result instanceof FailoverResults r) {
            OperationResultsXml.writeFailover(out, r);
        } else {
            throw new IllegalArgumentException("unknown result " + result);
        }
    }

    /** Reads the result element {@code node}, whose name tells the command. */
    public static CommandResult read(XmlNode response, CommandName command) {
        switch (command) {
            case QUERY_INFO:
                return PropertyResultsXml.readInfo(response.requiredChild("AdapterInfo"));
            case QUERY_STRINGS:
                return PropertyResultsXml.readStrings(response.requiredChild("Strings"));
            case QUERY_ERROR_DEFINITIONS:
                return new ErrorDefinitions(PropertyResultsXml.readDefinitions(response, "ErrorDefinitions", "ErrorDefinition"),
                        PropertyResultsXml.readDefinitions(response, "WarningDefinitions", "WarningDefinition"));
            case QUERY_CAPABILITIES:
                return PropertyResultsXml.readCapabilities(response.requiredChild("AdapterCapabilities"));
            case QUERY_CONNECTION_PARAMETERS:
                return PropertyResultsXml.readConnectionParameters(response.requiredChild("AdapterConnectionParameters"));
            case DISCOVER_ARRAYS:
                return DiscoveryResultsXml.readArrays(response.requiredChild("Arrays"));
            case DISCOVER_DEVICES:
                return DiscoveryResultsXml.readDevices(response.requiredChild("ReplicatedDevices"));
            case QUERY_REPLICATION_SETTINGS:
                return DiscoveryResultsXml.readSettings(response.requiredChild("ReplicationSettings"));
            case QUERY_DEVICE_DETAILS:
                return DiscoveryResultsXml.readDetails(response.requiredChild("DeviceDetails"));
            case QUERY_RECOVERY_POINTS:
                return DiscoveryResultsXml.readRecoveryPoints(response.requiredChild("QueryRecoveryPointsResults"));
            case SYNC_ONCE:
            case QUERY_SYNC_STATUS:
                return OperationResultsXml.readSync(response.requiredChild(command.resultsElement()), command);
            case TEST_FAILOVER_START:
                return OperationResultsXml.readTestFailover(response.requiredChild("TestFailoverStartResults"));
            case FAILOVER:
                return OperationResultsXml.readFailover(response.requiredChild("FailoverResults"));
            default:
                return OperationResultsXml.readSuccess(response.requiredChild(command.resultsElement()), command);
        }
    }
}
