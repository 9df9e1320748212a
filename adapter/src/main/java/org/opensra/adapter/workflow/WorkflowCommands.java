package org.opensra.adapter.workflow;

import java.util.Optional;
import org.opensra.adapter.CommandRegistry;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.params.CheckFailoverParameters;
import org.opensra.protocol.params.CheckTestFailoverStartParameters;
import org.opensra.protocol.params.DiscoverArraysParameters;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.PrepareRestoreReplicationParameters;
import org.opensra.protocol.params.PrepareReverseReplicationParameters;
import org.opensra.protocol.params.QueryDeviceDetailsParameters;
import org.opensra.protocol.params.QueryRecoveryPointsParameters;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.spi.Feature;

/** Registers the handlers of the 17 array commands (issue 4). */
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    /** Adds the array command handlers to the registry. */
    public static void register(CommandRegistry registry) {
        Optional<Feature> always = Optional.empty();
        registry.register(CommandName.DISCOVER_ARRAYS, new WorkflowHandler<>(DiscoverArraysParameters.class, always,
                (p, ctx) -> new DiscoverArraysWorkflow().run(ctx)));
        registry.register(CommandName.DISCOVER_DEVICES, new WorkflowHandler<>(DiscoverDevicesParameters.class, always,
                new DiscoverDevicesWorkflow()::run));
        registry.register(CommandName.QUERY_REPLICATION_SETTINGS, new WorkflowHandler<>(
                QueryReplicationSettingsParameters.class, Optional.of(Feature.REPLICATION_SETTINGS),
                new QueryReplicationSettingsWorkflow()::run));
        registry.register(CommandName.QUERY_DEVICE_DETAILS, new WorkflowHandler<>(QueryDeviceDetailsParameters.class,
                Optional.of(Feature.DEVICE_DETAILS), new QueryDeviceDetailsWorkflow()::run));
        registry.register(CommandName.QUERY_RECOVERY_POINTS, new WorkflowHandler<>(QueryRecoveryPointsParameters.class,
                Optional.of(Feature.RECOVERY_POINTS), new QueryRecoveryPointsWorkflow()::run));
        registry.register(CommandName.SYNC_ONCE, new WorkflowHandler<>(SyncOnceParameters.class,
                Optional.of(Feature.SYNC), new SyncOnceWorkflow()::run));
        registry.register(CommandName.QUERY_SYNC_STATUS, new WorkflowHandler<>(QuerySyncStatusParameters.class,
                Optional.of(Feature.SYNC), new QuerySyncStatusWorkflow()::run));
        ReadinessCheckWorkflow checkTest = new ReadinessCheckWorkflow(CommandName.CHECK_TEST_FAILOVER_START);
        registry.register(CommandName.CHECK_TEST_FAILOVER_START, new WorkflowHandler<>(
                CheckTestFailoverStartParameters.class, Optional.of(Feature.CHECKS), checkTest::run));
        ReadinessCheckWorkflow checkFailover = new ReadinessCheckWorkflow(CommandName.CHECK_FAILOVER);
        registry.register(CommandName.CHECK_FAILOVER, new WorkflowHandler<>(CheckFailoverParameters.class,
                Optional.of(Feature.CHECKS), checkFailover::run));
        registry.register(CommandName.TEST_FAILOVER_START, new WorkflowHandler<>(TestFailoverStartParameters.class,
                always, new TestFailoverStartWorkflow()::run));
        registry.register(CommandName.TEST_FAILOVER_STOP, new WorkflowHandler<>(TestFailoverStopParameters.class,
                always, new TestFailoverStopWorkflow()::run));
        registry.register(CommandName.PREPARE_FAILOVER, new WorkflowHandler<>(PrepareFailoverParameters.class,
                always, new PrepareFailoverWorkflow()::run));
        registry.register(CommandName.FAILOVER, new WorkflowHandler<>(FailoverParameters.class, always,
                new FailoverWorkflow()::run));
        registry.register(CommandName.PREPARE_REVERSE_REPLICATION, new WorkflowHandler<>(
                PrepareReverseReplicationParameters.class, always,
                new ReplicationChangeWorkflow(ReplicationChangeWorkflow.Operation.PREPARE_REVERSE)::run));
        registry.register(CommandName.REVERSE_REPLICATION, new WorkflowHandler<>(ReverseReplicationParameters.class,
                always, new ReplicationChangeWorkflow(ReplicationChangeWorkflow.Operation.REVERSE)::run));
        registry.register(CommandName.PREPARE_RESTORE_REPLICATION, new WorkflowHandler<>(
                PrepareRestoreReplicationParameters.class, always,
                new ReplicationChangeWorkflow(ReplicationChangeWorkflow.Operation.PREPARE_RESTORE)::run));
        registry.register(CommandName.RESTORE_REPLICATION, new WorkflowHandler<>(RestoreReplicationParameters.class,
                always, new ReplicationChangeWorkflow(ReplicationChangeWorkflow.Operation.RESTORE)::run));
    }
}
