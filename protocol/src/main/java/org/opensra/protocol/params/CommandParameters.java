package org.opensra.protocol.params;

import java.util.Optional;
import org.opensra.protocol.CommandName;

/**
 * The typed content of a request's parameters element: one record per command. Commands without a
 * parameters element have an empty record; an unknown command name gives {@link UnsupportedCommandParameters}.
 */
public sealed interface CommandParameters permits QueryInfoParameters, QueryStringsParameters,
        QueryErrorDefinitionsParameters, QueryCapabilitiesParameters, QueryConnectionParametersParameters,
        DiscoverArraysParameters, DiscoverDevicesParameters, QueryReplicationSettingsParameters,
        QueryDeviceDetailsParameters, QueryRecoveryPointsParameters, SyncOnceParameters,
        QuerySyncStatusParameters, CheckTestFailoverStartParameters, TestFailoverStartParameters,
        TestFailoverStopParameters, CheckFailoverParameters, PrepareFailoverParameters, FailoverParameters,
        PrepareReverseReplicationParameters, ReverseReplicationParameters, PrepareRestoreReplicationParameters,
        RestoreReplicationParameters, UnsupportedCommandParameters {

    /** The command these parameters belong to; empty for an unknown command. */
    Optional<CommandName> command();
}
