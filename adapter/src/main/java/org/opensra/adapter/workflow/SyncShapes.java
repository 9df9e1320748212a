package org.opensra.adapter.workflow;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.result.SyncResults;
import org.opensra.spi.SyncJob;

/** The DeviceSync of a sync job and the source/target form of sync results (SYNC-4). */
final class SyncShapes {
    private SyncShapes() {
    }

    static DeviceSync deviceSync(SyncJob job) {
        return new DeviceSync(job.id(),
                job.status() == org.opensra.spi.SyncStatus.COMPLETE ? SyncStatus.COMPLETE : SyncStatus.IN_PROGRESS,
                job.progress(), job.remainingSeconds());
    }

    static SyncResults results(CommandName command, boolean targetForm, Selection<DeviceSync, DeviceSync> selection) {
        List<org.opensra.protocol.result.ItemResult<DeviceSync>> groups = selection.groups.toProtocol();
        List<org.opensra.protocol.result.ItemResult<DeviceSync>> devices = selection.devices.toProtocol();
        return targetForm
                ? new SyncResults(command, List.of(), List.of(), groups, devices)
                : new SyncResults(command, groups, devices, List.of(), List.of());
    }
}
