package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensra.adapter.workflow.Harness.code;
import static org.opensra.adapter.workflow.Harness.item;
import static org.opensra.adapter.workflow.Harness.warnings;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.adapter.ErrorCodes;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.model.CustomProperty;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.QueryDeviceDetailsParameters;
import org.opensra.protocol.params.QueryRecoveryPointsParameters;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.protocol.result.ReplicationSettingsResults;
import org.opensra.protocol.result.SyncResults;
import org.opensra.spi.LinkState;

class QueryWorkflowTest {

    private static SyncResults syncSource(Harness h, List<String> groups, List<String> devices) throws WorkflowException {
        return new SyncOnceWorkflow().run(new SyncOnceParameters("array-a", "array-b", groups, devices, List.of(),
                List.of()), h.ctx());
    }

    @Test
    @DisplayName("RS-1 RS-2 queryReplicationSettings: a blob per group and device in the source form, logged, per-item errors")
    void settingsSourceForm() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        ReplicationSettingsResults r = new QueryReplicationSettingsWorkflow().run(new QueryReplicationSettingsParameters(
                "array-a", "array-b", List.of("cg1"), List.of("v1", "zz"), List.of(), List.of()), h.ctx());
        assertThat(item(r.consistencyGroups(), "cg1").success().orElseThrow().xml()).contains("name=\"rpo\" value=\"300\"");
        assertThat(SettingsCodec.decode(item(r.sourceDevices(), "v1").success().orElseThrow()).values())
                .containsEntry("rpo", "300");
        assertThat(code(item(r.sourceDevices(), "zz"))).isEqualTo(ErrorCodes.UNKNOWN_DEVICE);
        assertThat(r.targetGroups()).isEmpty();
        assertThat(h.lines("Replication settings of [v1]: [rpo=300]")).hasSize(1);
    }

    @Test
    @DisplayName("RS-1 queryReplicationSettings in the target form answers TargetGroups/TargetDevices by key")
    void settingsTargetForm() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-b");
        ReplicationSettingsResults r = new QueryReplicationSettingsWorkflow().run(new QueryReplicationSettingsParameters(
                "array-b", "array-a", List.of(), List.of(), List.of("tg1"), List.of("r1")), h.ctx());
        assertThat(r.targetGroups()).extracting(ItemResult::ref).containsExactly("tg1");
        assertThat(r.targetDevices()).extracting(ItemResult::ref).containsExactly("r1");
        assertThat(r.consistencyGroups()).isEmpty();
    }

    @Test
    @DisplayName("DET-1 queryDeviceDetails returns custom properties per device or that device's error")
    void details() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        DeviceDetails r = new QueryDeviceDetailsWorkflow().run(new QueryDeviceDetailsParameters("array-a",
                List.of("v1", "v2", "ghost")), h.ctx());
        assertThat(r.devices()).extracting(ItemResult::ref).containsExactly("v1", "v2", "ghost");
        assertThat(item(r.devices(), "v1").success().orElseThrow()).contains(new CustomProperty("name", "prod-db"));
        assertThat(item(r.devices(), "v2").success()).isPresent();
        assertThat(code(item(r.devices(), "ghost"))).isEqualTo(ErrorCodes.UNKNOWN_DEVICE);
    }

    @Test
    @DisplayName("RP-1 queryRecoveryPoints lists points newest first per group and device; no replica yet is 1012")
    void recoveryPoints() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-a", "v4", "prod-new", "array-b", "r4");
        fabric.array("array-b").volumes.get("r4").link = LinkState.INITIAL_SYNC;
        Harness h = new Harness(fabric, "array-b");
        RecoveryPointsResults r = new QueryRecoveryPointsWorkflow().run(new QueryRecoveryPointsParameters("array-b",
                List.of("tg1"), List.of("r1", "r4")), h.ctx());
        assertThat(item(r.targetGroups(), "tg1").success().orElseThrow()).extracting(RecoveryPoint::id)
                .containsExactly("rp-2", "rp-1");
        assertThat(item(r.targetDevices(), "r1").success().orElseThrow().get(0).time()).matches("\\d{4}-.*T.*Z");
        assertThat(code(item(r.targetDevices(), "r4"))).isEqualTo(ErrorCodes.NO_REPLICA_YET);
    }

    @Test
    @DisplayName("SYNC-1 LOG-4 syncOnce starts one job per group/device and returns at once, logging the method")
    void syncOnce() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        SyncResults r = syncSource(h, List.of("cg1"), List.of("v1"));
        DeviceSync g = item(r.consistencyGroups(), "cg1").success().orElseThrow();
        assertThat(g.status()).isEqualTo(SyncStatus.IN_PROGRESS);
        assertThat(item(r.sourceDevices(), "v1").success().orElseThrow().id()).isNotEqualTo(g.id());
        assertThat(h.driver.calls("startSync")).isEqualTo(1);
        assertThat(h.lines("is being created by job").stream().filter(l -> l.contains("async replication")).count())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("SYNC-2 a running replication answers warning 500 with the running session's DeviceSync")
    void syncRunning() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        SyncResults first = syncSource(new Harness(fabric, "array-a"), List.of(), List.of("v1"));
        Harness h = new Harness(fabric, "array-a");
        SyncResults second = syncSource(h, List.of(), List.of("v1"));
        ItemResult<DeviceSync> again = item(second.sourceDevices(), "v1");
        assertThat(warnings(again)).containsExactly(ErrorCodes.REPLICATION_IN_PROGRESS);
        assertThat(((Message.Predefined) ((ItemResult.Ok<DeviceSync>) again).warnings().get(0)).value("Device")).contains("v1");
        assertThat(again.success().orElseThrow().id()).isEqualTo(item(first.sourceDevices(), "v1").success().orElseThrow().id());
        assertThat(again.success().orElseThrow().progress()).hasValue(40);
        assertThat(h.lines("is already in progress")).hasSize(1);
    }

    @Test
    @DisplayName("SYNC-3 querySyncStatus reports complete per job; an unknown sync id is 1015")
    void syncStatus() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        SyncResults started = syncSource(new Harness(fabric, "array-a"), List.of(), List.of("v1"));
        String job = item(started.sourceDevices(), "v1").success().orElseThrow().id();
        Harness h = new Harness(fabric, "array-a");
        SyncResults r = new QuerySyncStatusWorkflow().run(new QuerySyncStatusParameters("array-a", "array-b",
                List.of(new SyncRef("cg1", "job-404")), List.of(new SyncRef("v1", job)), List.of(), List.of()), h.ctx());
        assertThat(r.command()).isEqualTo(CommandName.QUERY_SYNC_STATUS);
        assertThat(item(r.sourceDevices(), "v1").success().orElseThrow().status()).isEqualTo(SyncStatus.COMPLETE);
        assertThat(code(item(r.consistencyGroups(), "cg1"))).isEqualTo(ErrorCodes.UNKNOWN_SYNC);
        assertThat(h.lines("Replica of [v1] is current")).hasSize(1);
    }

    @Test
    @DisplayName("SYNC-4 syncOnce in the target form answers TargetGroups/TargetDevices by key")
    void syncTargetForm() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-b");
        SyncResults r = new SyncOnceWorkflow().run(new SyncOnceParameters("array-b", "array-a", List.of(), List.of(),
                List.of("tg1"), List.of("r1")), h.ctx());
        assertThat(r.targetGroups()).extracting(ItemResult::ref).containsExactly("tg1");
        assertThat(item(r.targetDevices(), "r1").success()).isPresent();
        assertThat(r.sourceDevices()).isEmpty();
    }

    @Test
    @DisplayName("SYNC-5 a broken replication is that item's error 1014")
    void syncBroken() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        fabric.array("array-a").volumes.get("v1").link = LinkState.BROKEN;
        SyncResults r = syncSource(new Harness(fabric, "array-a"), List.of("cg1"), List.of("v1"));
        assertThat(code(item(r.sourceDevices(), "v1"))).isEqualTo(ErrorCodes.REPLICATION_BROKEN);
        assertThat(item(r.consistencyGroups(), "cg1").success()).isPresent();
    }

    @Test
    @DisplayName("SYNC-6 WF-4 after prepareFailover the demoted sources still sync (the final sync of a planned migration)")
    void syncAfterPrepare() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", List.of("cg1"), List.of("v1")),
                new Harness(fabric, "array-a").ctx());
        SyncResults r = syncSource(new Harness(fabric, "array-a"), List.of("cg1"), List.of("v1"));
        assertThat(item(r.sourceDevices(), "v1").success()).isPresent();
        assertThat(item(r.consistencyGroups(), "cg1").success()).isPresent();
    }

    @Test
    @DisplayName("CONN-3 syncOnce refuses a device excluded by the filter with 1017 naming device and filter")
    void filterOnSync() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        h.filter = DeviceFilter.prefix("prod-app");
        SyncResults r = syncSource(h, List.of("cg1"), List.of("v1"));
        assertThat(code(item(r.sourceDevices(), "v1"))).isEqualTo(ErrorCodes.EXCLUDED_BY_FILTER);
        assertThat(Harness.placeholders(item(r.sourceDevices(), "v1"))).containsEntry("DeviceId", "v1")
                .containsEntry("Filter", "deviceNamePrefix=\"prod-app\"");
        assertThat(item(r.consistencyGroups(), "cg1").success()).isPresent();
        assertThat(h.lines("is excluded by the device-name filter")).hasSize(1);
    }
}
