package org.opensra.protocol.result;

import org.opensra.protocol.CommandName;

/** The result element of a successful response; one record per result element of the tables. */
public sealed interface CommandResult permits AdapterInfo, Strings, ErrorDefinitions, AdapterCapabilities,
        AdapterConnectionParameters, Arrays, ReplicatedDevices, ReplicationSettingsResults, DeviceDetails,
        RecoveryPointsResults, SyncResults, SuccessResults, TestFailoverStartResults, FailoverResults {

    /** The command whose result this is. */
    CommandName command();
}
