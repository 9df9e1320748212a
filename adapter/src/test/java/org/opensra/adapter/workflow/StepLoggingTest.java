package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.adapter.workflow.ReplicationChangeWorkflow.Operation;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Lun;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.PrepareRestoreReplicationParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Protocol;
import org.opensra.spi.StoragePort;

class StepLoggingTest {
    private static final Pattern STEP = Pattern.compile("\\[(p\\d+-s\\d+)\\] (Commence|Complete): ");

    /** Step id -> [commence count, complete count]. */
    private static Map<String, int[]> steps(String log) {
        Map<String, int[]> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(log);
        while (m.find()) {
            int[] counts = steps.computeIfAbsent(m.group(1), k -> new int[2]);
            counts[m.group(2).equals("Commence") ? 0 : 1]++;
        }
        return steps;
    }

    @Test
    @DisplayName("LOG-4 LOG-2 every step of every workflow logs one Commence and one Complete under its own step id")
    void commenceCompletePairs() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness b = new Harness(fabric, "array-b");
        Harness a = new Harness(fabric, "array-a");
        new DiscoverDevicesWorkflow().run(new DiscoverDevicesParameters("array-b", "array-a"), b.ctx());
        new SyncOnceWorkflow().run(new SyncOnceParameters("array-a", "array-b", List.of("cg1"), List.of("v1"),
                List.of(), List.of()), a.ctx());
        new TestFailoverStartWorkflow().run(new TestFailoverStartParameters("array-b", List.of(),
                List.of(TargetGroupRequest.of("tg1")), List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("bad"))),
                b.ctx());
        new TestFailoverStopWorkflow().run(new TestFailoverStopParameters("array-b", List.of("tg1"), List.of("r1")), b.ctx());
        new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", List.of("cg1"), List.of("v1")), a.ctx());
        new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1"))), b.ctx());
        new ReplicationChangeWorkflow(Operation.PREPARE_RESTORE).run(new PrepareRestoreReplicationParameters("array-b",
                "array-a", List.of(SettingsItem.of("tg1")), List.of(SettingsItem.of("r1"))), b.ctx());
        new ReplicationChangeWorkflow(Operation.RESTORE).run(new RestoreReplicationParameters("array-a", "array-b",
                List.of(SettingsItem.of("cg1")), List.of(SettingsItem.of("v1"))), a.ctx());
        for (Harness h : List.of(a, b)) {
            Map<String, int[]> steps = steps(h.log());
            assertThat(steps).hasSizeGreaterThan(5);
            steps.forEach((id, counts) -> assertThat(counts).as("step " + id).containsExactly(1, 1));
        }
        // a failed step closes with "Complete: FAILED", never silently
        assertThat(b.log()).doesNotContain("the step ended before it completed");
    }

    @Test
    @DisplayName("DD-7 storage ports come with LUN identities without a target and with NFS; not with LUN+target or WWN")
    void storagePortsByIdentity() {
        ArrayInventory inventory = new ArrayInventory("a", List.of(), List.of(),
                List.of(new StoragePort("10.0.0.5", Protocol.NFS)), List.of());
        HostAccess nfs = new HostAccess(inventory);
        nfs.add(new Identity.NfsName("/exports/a/ds1"));
        assertThat(nfs.storagePorts()).extracting(p -> p.id()).containsExactly("10.0.0.5");
        HostAccess lunTarget = new HostAccess(inventory);
        lunTarget.add(new Identity.Luns(List.of(new Lun(3, Optional.empty(), Optional.of("iqn.t1")))));
        lunTarget.add(new Identity.Wwn("60a0"));
        assertThat(lunTarget.storagePorts()).isEmpty();
        HostAccess lunOnly = new HostAccess(inventory);
        lunOnly.add(new Identity.Luns(List.of(Lun.of(7))));
        assertThat(lunOnly.storagePorts()).hasSize(1);
    }
}
