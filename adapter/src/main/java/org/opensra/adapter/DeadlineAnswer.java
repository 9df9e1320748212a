package org.opensra.adapter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.QueryDeviceDetailsParameters;
import org.opensra.protocol.params.QueryRecoveryPointsParameters;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.RecoveryParameters;
import org.opensra.protocol.params.ReplicationChangeParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TargetSelection;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.result.CommandResult;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.protocol.result.ReplicationSettingsResults;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.protocol.result.SyncResults;
import org.opensra.protocol.result.TestFailoverStartResults;

/**
 * The answer of a per-item command whose deadline passed before any item could be done, e.g. while
 * the session on a never-answering array was being opened (INV-3, RESP-1): every requested item, once
 * and in request order, with its own error 1019. Commands without per-item results (discoverArrays,
 * discoverDevices, the property commands) have none: they answer with one Error.
 */
public final class DeadlineAnswer {
    private DeadlineAnswer() {
    }

    /** The per-item result of {@code command} with every item failed, empty when it has no items. */
    public static Optional<CommandResult> allItemsFailed(CommandName command, CommandParameters params, int seconds) {
        String s = Integer.toString(seconds);
        if (params instanceof RecoveryParameters recovery) {
            List<String> groups = new ArrayList<>();
            for (TargetGroupRequest g : recovery.targetGroups()) {
                groups.add(g.key());
            }
            List<String> devices = new ArrayList<>();
            for (TargetDeviceRequest d : recovery.targetDevices()) {
                devices.add(d.key());
            }
            if (params instanceof TestFailoverStartParameters) {
                return Optional.of(new TestFailoverStartResults(failed(groups, s), failed(devices, s), List.of(), List.of()));
            }
            return Optional.of(new FailoverResults(failed(groups, s), failed(devices, s), List.of(), List.of()));
        }
        if (params instanceof QueryRecoveryPointsParameters points) {
            return Optional.of(new RecoveryPointsResults(failed(points.targetGroups(), s), failed(points.targetDevices(), s)));
        }
        if (params instanceof TargetSelection targets) { // checkTestFailoverStart, checkFailover, testFailoverStop
            return Optional.of(SuccessResults.forTargets(command, failed(targets.targetGroups(), s),
                    failed(targets.targetDevices(), s)));
        }
        if (params instanceof PrepareFailoverParameters prepare) {
            return Optional.of(SuccessResults.forPrepareFailover(failed(prepare.consistencyGroups(), s),
                    failed(prepare.sourceDevices(), s)));
        }
        if (params instanceof ReplicationChangeParameters change) {
            return Optional.of(SuccessResults.forReplicationChange(command, failed(ids(change.consistencyGroups()), s),
                    failed(ids(change.devices()), s)));
        }
        if (params instanceof SyncOnceParameters sync) {
            return Optional.of(new SyncResults(command, failed(sync.consistencyGroups(), s), failed(sync.sourceDevices(), s),
                    failed(sync.targetGroups(), s), failed(sync.targetDevices(), s)));
        }
        if (params instanceof QuerySyncStatusParameters status) {
            return Optional.of(new SyncResults(command, failed(refs(status.consistencyGroups()), s),
                    failed(refs(status.sourceDevices()), s), failed(refs(status.targetGroups()), s),
                    failed(refs(status.targetDevices()), s)));
        }
        if (params instanceof QueryReplicationSettingsParameters settings) {
            return Optional.of(new ReplicationSettingsResults(failed(settings.consistencyGroups(), s),
                    failed(settings.sourceDevices(), s), failed(settings.targetGroups(), s),
                    failed(settings.targetDevices(), s)));
        }
        if (params instanceof QueryDeviceDetailsParameters details) {
            return Optional.of(new DeviceDetails(failed(details.devices(), s)));
        }
        return Optional.empty();
    }

    /** Error 1019 for one item. */
    public static Message error(String item, String seconds) {
        return Message.predefined(ErrorCodes.COMMAND_DEADLINE_REACHED, "Object", item, "Seconds", seconds);
    }

    private static <T> List<ItemResult<T>> failed(List<String> ids, String seconds) {
        List<ItemResult<T>> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            out.add(ItemResult.failed(id, error(id, seconds)));
        }
        return out;
    }

    private static List<String> ids(List<SettingsItem> items) {
        List<String> ids = new ArrayList<>();
        for (SettingsItem item : items) {
            ids.add(item.id());
        }
        return ids;
    }

    private static List<String> refs(List<SyncRef> items) {
        List<String> ids = new ArrayList<>();
        for (SyncRef item : items) {
            ids.add(item.ref());
        }
        return ids;
    }
}
