package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensra.adapter.workflow.Harness.code;
import static org.opensra.adapter.workflow.Harness.item;
import static org.opensra.adapter.workflow.Harness.warnings;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.workflow.ReplicationChangeWorkflow.Operation;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.PrepareRestoreReplicationParameters;
import org.opensra.protocol.params.PrepareReverseReplicationParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.VolumeAccess;

class ReplicationChangeWorkflowTest {

    /** Planned migration of v1 and cg1 from A to B. */
    private static FakeArrays failedOver() throws WorkflowException {
        FakeArrays fabric = Harness.twoSites();
        new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", List.of("cg1"), List.of("v1")),
                new Harness(fabric, "array-a").ctx());
        new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1"))), new Harness(fabric, "array-b").ctx());
        return fabric;
    }

    private static SuccessResults reverse(Harness h, List<SettingsItem> groups, List<SettingsItem> devices)
            throws WorkflowException {
        return new ReplicationChangeWorkflow(Operation.REVERSE).run(
                new ReverseReplicationParameters("array-b", "array-a", groups, devices), h.ctx());
    }

    private static SuccessResults restore(Harness h, List<SettingsItem> groups, List<SettingsItem> devices)
            throws WorkflowException {
        return new ReplicationChangeWorkflow(Operation.RESTORE).run(
                new RestoreReplicationParameters("array-a", "array-b", groups, devices), h.ctx());
    }

    @Test
    @DisplayName("REV-1 REV-3 REV-6 prepareReverse masks the old sources at A; reverse at B makes the promoted ids sources")
    void reverseReplication() throws Exception {
        FakeArrays fabric = failedOver();
        fabric.array("array-a").volumes.get("v1").presented = true; // still visible to a host at A
        fabric.array("array-b").volumes.get("r1").presented = true; // production at B
        Harness prep = new Harness(fabric, "array-a");
        SuccessResults p = new ReplicationChangeWorkflow(Operation.PREPARE_REVERSE).run(
                new PrepareReverseReplicationParameters("array-a", "array-b", List.of(SettingsItem.of("cg1")),
                        List.of(SettingsItem.of("v1"))), prep.ctx());
        assertThat(p.command()).isEqualTo(CommandName.PREPARE_REVERSE_REPLICATION);
        assertThat(item(p.devices(), "v1").success()).isPresent();
        assertThat(item(p.consistencyGroups(), "cg1").success()).isPresent();
        assertThat(fabric.array("array-a").volumes.get("v1").presented).isFalse();
        assertThat(prep.lines("Device [v1] is being masked from all hosts")).hasSize(1);
        assertThat(prep.driver.calls("prepareReverseReplication")).isEqualTo(1);

        Harness h = new Harness(fabric, "array-b");
        SuccessResults r = reverse(h, List.of(SettingsItem.of("tg1")), List.of(SettingsItem.of("r1")));
        assertThat(warnings(item(r.devices(), "r1"))).isEmpty();
        assertThat(warnings(item(r.consistencyGroups(), "tg1"))).isEmpty();
        FakeArrays.Vol r1 = fabric.array("array-b").volumes.get("r1");
        assertThat(r1.role).isEqualTo(ReplicationRole.SOURCE);
        assertThat(r1.presented).isTrue(); // REV-3: production not disturbed
        assertThat(fabric.array("array-a").volumes.get("v1").role).isEqualTo(ReplicationRole.TARGET);
        assertThat(fabric.array("array-b").groups.get("tg1").role).isEqualTo(ReplicationRole.SOURCE);
        assertThat(h.lines("Commence: Reversing replication of device [r1]")).hasSize(1);
        assertThat(h.lines("Failsafe snapshot [pre-r1]")).hasSize(1);
        assertThat(h.lines("Complete: Reversing replication of [r1] for reverseReplication request is now COMPLETE")).hasSize(1);
    }

    @Test
    @DisplayName("REV-5 reverse again succeeds with warning 2001")
    void reverseTwice() throws Exception {
        FakeArrays fabric = failedOver();
        reverse(new Harness(fabric, "array-b"), List.of(), List.of(SettingsItem.of("r1")));
        Harness h = new Harness(fabric, "array-b");
        SuccessResults again = reverse(h, List.of(), List.of(SettingsItem.of("r1")));
        assertThat(warnings(item(again.devices(), "r1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
        assertThat(h.lines("already runs in the requested direction")).hasSize(1);
    }

    @Test
    @DisplayName("REV-5 REV-3 reverse again (SRM's retry after a killed reverse) leaves the new sources presented to their hosts")
    void reverseAgainKeepsProductionPresented() throws Exception {
        FakeArrays fabric = failedOver();
        fabric.array("array-b").volumes.get("r1").presented = true; // production at B
        reverse(new Harness(fabric, "array-b"), List.of(SettingsItem.of("tg1")), List.of(SettingsItem.of("r1")));
        assertThat(fabric.array("array-b").volumes.get("r1").presented).isTrue();
        Harness h = new Harness(fabric, "array-b");
        SuccessResults again = reverse(h, List.of(SettingsItem.of("tg1")), List.of(SettingsItem.of("r1")));
        assertThat(item(again.devices(), "r1").success()).isPresent();
        assertThat(fabric.array("array-b").volumes.get("r1").presented).as("production at B still presented").isTrue();
        assertThat(h.lines("is being masked from all hosts")).isEmpty();
    }

    @Test
    @DisplayName("REV-7 RS-2 invalid or unreadable settings: success with warning 2003; valid ones applied and logged")
    void reverseSettings() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-a", "v4", "prod-x", "array-b", "r4")
                .pair("array-a", "v5", "prod-y", "array-b", "r5");
        new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(), List.of(),
                List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("r4"), TargetDeviceRequest.of("r5"))),
                new Harness(fabric, "array-b").ctx());
        Harness h = new Harness(fabric, "array-b");
        SuccessResults r = reverse(h, List.of(), List.of(
                new SettingsItem("r1", Optional.of(SettingsCodec.encode(new org.opensra.spi.ReplicationSettings(
                        java.util.Map.of("rpo", "60"))))),
                new SettingsItem("r4", Optional.of(ReplicationSettings.ofContent("<Setting name=\"rpo\" value=\"soon\"/>"))),
                new SettingsItem("r5", Optional.of(ReplicationSettings.ofContent("<Schedule/>")))));
        assertThat(warnings(item(r.devices(), "r1"))).isEmpty();
        assertThat(warnings(item(r.devices(), "r4"))).containsExactly(ErrorCodes.SETTINGS_INVALID);
        assertThat(warnings(item(r.devices(), "r5"))).containsExactly(ErrorCodes.SETTINGS_INVALID);
        assertThat(h.lines("Replication settings given for [r1]: [rpo=60]")).hasSize(1);
        assertThat(h.lines("Replication settings in force for [r1]: [rpo=60]")).hasSize(1);
        assertThat(fabric.array("array-b").volumes.get("r5").role).isEqualTo(ReplicationRole.SOURCE);
    }

    @Test
    @DisplayName("REV-1 RESP-1 reverse of a device that was never failed over is that item's error 1007")
    void reverseWrongState() throws Exception {
        FakeArrays fabric = failedOver().pair("array-a", "v4", "prod-x", "array-b", "r4");
        SuccessResults r = reverse(new Harness(fabric, "array-b"), List.of(), List.of(SettingsItem.of("r4"),
                SettingsItem.of("r1"), SettingsItem.of("ghost")));
        assertThat(r.devices()).extracting(ItemResult::ref).containsExactly("r4", "r1", "ghost");
        assertThat(code(item(r.devices(), "r4"))).isEqualTo(ErrorCodes.WRONG_STATE);
        assertThat(code(item(r.devices(), "ghost"))).isEqualTo(ErrorCodes.UNKNOWN_DEVICE);
        assertThat(item(r.devices(), "r1").success()).isPresent();
    }

    @Test
    @DisplayName("RES-1 RES-2 RES-3 RES-5 prepareRestore masks the promoted devices at B; restore at A makes the sources writable and presents them")
    void restoreReplication() throws Exception {
        FakeArrays fabric = failedOver();
        Harness prep = new Harness(fabric, "array-b");
        SuccessResults p = new ReplicationChangeWorkflow(Operation.PREPARE_RESTORE).run(
                new PrepareRestoreReplicationParameters("array-b", "array-a", List.of(SettingsItem.of("tg1")),
                        List.of(SettingsItem.of("r1"))), prep.ctx());
        assertThat(item(p.devices(), "r1").success()).isPresent();
        assertThat(fabric.array("array-b").volumes.values()).allSatisfy(v -> assertThat(v.presented).isFalse());
        assertThat(prep.lines("Device [r1] is being masked from all hosts")).hasSize(1);

        Harness h = new Harness(fabric, "array-a");
        SuccessResults r = restore(h, List.of(SettingsItem.of("cg1")), List.of(SettingsItem.of("v1")));
        assertThat(warnings(item(r.devices(), "v1"))).isEmpty();
        assertThat(warnings(item(r.consistencyGroups(), "cg1"))).isEmpty();
        assertThat(fabric.array("array-a").volumes.values()).allSatisfy(v -> {
            assertThat(v.role).isEqualTo(ReplicationRole.SOURCE);
            assertThat(v.access).isEqualTo(VolumeAccess.READ_WRITE);
            assertThat(v.presented).isTrue();
        });
        assertThat(fabric.array("array-b").volumes.values()).allSatisfy(v -> {
            assertThat(v.role).isEqualTo(ReplicationRole.TARGET);
            assertThat(v.access).isEqualTo(VolumeAccess.READ_ONLY);
            assertThat(v.link).isEqualTo(LinkState.ACTIVE);
        });
        assertThat(h.lines("Source device [v1] is being exposed to hosts the array's default hosts")).hasSize(1);
        assertThat(h.lines("Failsafe snapshot [revert-v1]")).hasSize(1);
    }

    @Test
    @DisplayName("RES-4 RES-6 restore again succeeds with 2001; invalid settings still succeed with 2003")
    void restoreTwice() throws Exception {
        FakeArrays fabric = failedOver();
        restore(new Harness(fabric, "array-a"), List.of(), List.of(SettingsItem.of("v1")));
        SuccessResults again = restore(new Harness(fabric, "array-a"), List.of(), List.of(SettingsItem.of("v1")));
        assertThat(warnings(item(again.devices(), "v1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
        SuccessResults invalid = restore(new Harness(fabric, "array-a"), List.of(), List.of(new SettingsItem("v1",
                Optional.of(ReplicationSettings.ofContent("<Setting name=\"rpo\" value=\"x\"/>")))));
        assertThat(warnings(item(invalid.devices(), "v1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE,
                ErrorCodes.SETTINGS_INVALID);
    }

    @Test
    @DisplayName("REV-4 LOG-4 syncOnce after reverse logs the failsafe snapshot at the destination")
    void failsafeAfterReverse() throws Exception {
        FakeArrays fabric = failedOver();
        reverse(new Harness(fabric, "array-b"), List.of(), List.of(SettingsItem.of("r1")));
        Harness h = new Harness(fabric, "array-b");
        new SyncOnceWorkflow().run(new SyncOnceParameters("array-b", "array-a", List.of(), List.of("r1"), List.of(),
                List.of()), h.ctx());
        assertThat(h.lines("Failsafe snapshot [pre-v1] at the destination keeps a usable copy of [r1]")).hasSize(1);
    }

    @Test
    @DisplayName("RESP-1 reverse with the peer array down is that item's error 1008 naming the reason")
    void peerDown() throws Exception {
        FakeArrays fabric = failedOver();
        fabric.array("array-a").reachable = false;
        SuccessResults r = reverse(new Harness(fabric, "array-b"), List.of(), List.of(SettingsItem.of("r1")));
        assertThat(code(item(r.devices(), "r1"))).isEqualTo(ErrorCodes.OPERATION_FAILED);
        assertThat(Harness.placeholders(item(r.devices(), "r1"))).containsEntry("Reason", "peer unreachable");
    }

    @Test
    @DisplayName("REV-2 REV-3 reverse at the promoted side is one in-place reverse call: no masking, no copy re-created (the array sends only changes; bytes are checked end to end)")
    void reverseInPlace() throws Exception {
        FakeArrays fabric = failedOver();
        Harness h = new Harness(fabric, "array-b");
        reverse(h, List.of(SettingsItem.of("tg1")), List.of(SettingsItem.of("r1")));
        assertThat(h.driver.calls.keySet()).containsExactlyInAnyOrder("inventory", "reverseReplication");
        assertThat(h.driver.calls("reverseReplication")).isEqualTo(1);
    }
}
