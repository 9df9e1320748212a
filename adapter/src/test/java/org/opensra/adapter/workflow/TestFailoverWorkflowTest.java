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
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.model.GroupSnapshot;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.model.Snapshot;
import org.opensra.protocol.params.CheckTestFailoverStartParameters;
import org.opensra.protocol.params.DeviceAccess;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.protocol.result.TestFailoverStartResults;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicationRole;

class TestFailoverWorkflowTest {

    private static TestFailoverStartResults start(Harness h, List<TargetGroupRequest> groups,
                                                  List<TargetDeviceRequest> devices) throws WorkflowException {
        return new TestFailoverStartWorkflow().run(new TestFailoverStartParameters("array-b", List.of(), groups, devices),
                h.ctx());
    }

    private static SuccessResults stop(Harness h, List<String> groups, List<String> devices) throws WorkflowException {
        return new TestFailoverStopWorkflow().run(new TestFailoverStopParameters("array-b", groups, devices), h.ctx());
    }

    @Test
    @DisplayName("TF-1 checkTestFailoverStart answers Success, Success+warning or Error for every item")
    void check() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-a", "v4", "prod-new", "array-b", "r4")
                .pair("array-a", "v5", "prod-flaky", "array-b", "r5");
        fabric.array("array-b").volumes.get("r4").link = LinkState.INITIAL_SYNC;
        fabric.array("array-b").volumes.get("r5").link = LinkState.BROKEN;
        Harness h = new Harness(fabric, "array-b");
        SuccessResults r = new ReadinessCheckWorkflow(CommandName.CHECK_TEST_FAILOVER_START).run(
                new CheckTestFailoverStartParameters("array-b", List.of("tg1"), List.of("r1", "r4", "r5", "nope")), h.ctx());
        assertThat(r.targetGroups()).extracting(ItemResult::ref).containsExactly("tg1");
        assertThat(item(r.targetGroups(), "tg1").success()).isPresent();
        assertThat(warnings(item(r.targetDevices(), "r1"))).isEmpty();
        assertThat(code(item(r.targetDevices(), "r4"))).isEqualTo(ErrorCodes.NO_REPLICA_YET);
        assertThat(warnings(item(r.targetDevices(), "r5"))).containsExactly(ErrorCodes.REPLICATION_NOT_SET_UP);
        assertThat(code(item(r.targetDevices(), "nope"))).isEqualTo(ErrorCodes.UNKNOWN_KEY);
        assertThat(h.lines("Commence: Checking")).hasSize(1);
    }

    @Test
    @DisplayName("TF-2 TF-3 RP-3 testFailoverStart copies a group as a whole and a device, presents them, reports recovery point")
    void start() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness h = new Harness(fabric, "array-b");
        TestFailoverStartResults r = start(h, List.of(TargetGroupRequest.of("tg1")), List.of(TargetDeviceRequest.of("r1")));
        GroupSnapshot g = item(r.targetGroups(), "tg1").success().orElseThrow();
        assertThat(g.id()).isEqualTo("gclone-tg1");
        assertThat(g.devices()).extracting(d -> d.key()).containsExactly("r2", "r3");
        assertThat(g.devices()).allSatisfy(d -> assertThat(d.snapshot().identity()).isPresent());
        assertThat(g.recoveryPoint().id()).isEqualTo("latest");
        assertThat(g.recoveryPoint().time()).startsWith("2026-11-25T10:00:00");
        Snapshot s = item(r.targetDevices(), "r1").success().orElseThrow();
        assertThat(s.id()).isEqualTo("clone-r1");
        assertThat(s.identity()).contains(new Identity.Wwn("wwn-clone-r1"));
        assertThat(s.recoveryPoint()).isPresent();
        // TF-3: replication untouched
        assertThat(fabric.array("array-b").volumes.values()).allSatisfy(v -> {
            assertThat(v.link).isEqualTo(LinkState.ACTIVE);
            assertThat(v.role).isEqualTo(ReplicationRole.TARGET);
        });
        // one batch call for the copies and one for the presentations (3 clones)
        assertThat(h.driver.calls("createTestCopies")).isEqualTo(1);
        assertThat(h.driver.calls("present")).isEqualTo(1);
        // LOG-4 snapshot creation and presentation messages
        assertThat(h.lines("Commence: Temporary Snapshot Copy of [r1] is being created for testFailoverStart request.")).hasSize(1);
        assertThat(h.lines("Replica of [v1] with key [r1] is being cloned from Recovery Point [latest]")).hasSize(1);
        assertThat(h.lines("Snapshot copy [clone-r1] is being exposed to hosts")).hasSize(1);
        assertThat(h.lines("Complete: Temporary Snapshot Copy of [r1] has been created and presented")).hasSize(1);
        assertThat(h.progress).contains(100);
    }

    @Test
    @DisplayName("RP-2 a requested recovery point is used; an unknown one is that item's error 1013")
    void recoveryPoint() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-b");
        TestFailoverStartResults r = start(h, List.of(new TargetGroupRequest("tg1", Optional.of("rp-9"), List.of())),
                List.of(new TargetDeviceRequest("r1", List.of(), Optional.of("rp-1"))));
        assertThat(item(r.targetDevices(), "r1").success().orElseThrow().recoveryPoint().orElseThrow().id()).isEqualTo("rp-1");
        assertThat(code(item(r.targetGroups(), "tg1"))).isEqualTo(ErrorCodes.UNKNOWN_RECOVERY_POINT);
        assertThat(Harness.placeholders(item(r.targetGroups(), "tg1"))).containsEntry("RecoveryPoint", "rp-9")
                .containsEntry("Key", "tg1");
    }

    @Test
    @DisplayName("TF-2 with DynamicAccessRestriction each copy goes to the initiators of its access groups")
    void accessGroups() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-b");
        AccessGroup hosts = new AccessGroup("domain-s1", List.of(Initiator.of(PortType.ISCSI, "iqn.esx1")));
        new TestFailoverStartWorkflow().run(new TestFailoverStartParameters("array-b", List.of(hosts),
                List.of(new TargetGroupRequest("tg1", Optional.empty(), List.of(new DeviceAccess("r2", List.of("domain-s1"))))),
                List.of(new TargetDeviceRequest("r1", List.of("domain-s1", "domain-unknown"), Optional.empty()))), h.ctx());
        assertThat(h.lines("Snapshot copy [clone-r1] is being exposed to hosts [iSCSI:iqn.esx1]")).hasSize(1);
        assertThat(h.lines("Snapshot copy [clone-r2] is being exposed to hosts [iSCSI:iqn.esx1]")).hasSize(1);
        assertThat(h.lines("Snapshot copy [clone-r3] is being exposed to hosts the array's default hosts")).hasSize(1);
        assertThat(h.lines("Access group [domain-unknown] of device [r1] is not defined in the request")).hasSize(1);
    }

    @Test
    @DisplayName("TF-4 TF-5 RESP-1 partial success: failures per item, a copy not presented has no Identity and warning 2002")
    void partial() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-a", "v4", "prod-x", "array-b", "r4");
        fabric.array("array-b").failPresentation.add("clone-r4");
        Harness h = new Harness(fabric, "array-b");
        TestFailoverStartResults r = start(h, List.of(TargetGroupRequest.of("tg1"), TargetGroupRequest.of("tg-x")),
                List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("r4"), TargetDeviceRequest.of("r2"),
                        TargetDeviceRequest.of("r1")));
        assertThat(r.targetGroups()).extracting(ItemResult::ref).containsExactly("tg1", "tg-x");
        assertThat(r.targetDevices()).extracting(ItemResult::ref).containsExactly("r1", "r4", "r2");
        assertThat(code(item(r.targetGroups(), "tg-x"))).isEqualTo(ErrorCodes.UNKNOWN_GROUP);
        assertThat(code(item(r.targetDevices(), "r2"))).isEqualTo(ErrorCodes.DEVICE_IN_GROUP);
        Snapshot r4 = item(r.targetDevices(), "r4").success().orElseThrow();
        assertThat(r4.identity()).isEmpty();
        assertThat(r4.recoveryPoint()).isPresent();
        assertThat(warnings(item(r.targetDevices(), "r4"))).containsExactly(ErrorCodes.PRESENTATION_FAILED);
        assertThat(item(r.targetDevices(), "r1").success()).isPresent();
        assertThat(h.lines("WARNING: Snapshot copy [clone-r4] could not be exposed")).hasSize(1);
    }

    @Test
    @DisplayName("TF-6 testFailoverStart while a test is running on the same target is error 1011")
    void twice() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        start(new Harness(fabric, "array-b"), List.of(TargetGroupRequest.of("tg1")), List.of(TargetDeviceRequest.of("r1")));
        TestFailoverStartResults again = start(new Harness(fabric, "array-b"), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1")));
        assertThat(code(item(again.targetGroups(), "tg1"))).isEqualTo(ErrorCodes.TEST_FAILOVER_RUNNING);
        assertThat(code(item(again.targetDevices(), "r1"))).isEqualTo(ErrorCodes.TEST_FAILOVER_RUNNING);
    }

    @Test
    @DisplayName("TF-7 testFailoverStop masks and deletes the copies, verifies they are gone; a second stop succeeds with 2006")
    void stop() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        start(new Harness(fabric, "array-b"), List.of(TargetGroupRequest.of("tg1")), List.of(TargetDeviceRequest.of("r1")));
        Harness h = new Harness(fabric, "array-b");
        SuccessResults first = stop(h, List.of("tg1"), List.of("r1"));
        assertThat(warnings(item(first.targetGroups(), "tg1"))).isEmpty();
        assertThat(warnings(item(first.targetDevices(), "r1"))).isEmpty();
        assertThat(fabric.array("array-b").volumes.values()).allSatisfy(v -> assertThat(v.cloneId).isNull());
        assertThat(h.driver.calls("inventory")).isEqualTo(2); // read, then verify
        assertThat(h.lines("Snapshot copy [clone-r1] is being masked from hosts")).hasSize(1);
        assertThat(h.lines("Snapshot copy [clone-r1] is being deleted")).hasSize(1);
        assertThat(h.lines("Complete: Temporary Snapshot Copy of [r1] has been removed from service and destroyed")).hasSize(1);

        Harness again = new Harness(fabric, "array-b");
        SuccessResults second = stop(again, List.of("tg1"), List.of("r1", "nope"));
        assertThat(warnings(item(second.targetGroups(), "tg1"))).containsExactly(ErrorCodes.NOTHING_TO_STOP);
        assertThat(warnings(item(second.targetDevices(), "r1"))).containsExactly(ErrorCodes.NOTHING_TO_STOP);
        assertThat(code(item(second.targetDevices(), "nope"))).isEqualTo(ErrorCodes.UNKNOWN_KEY);
    }

    @Test
    @DisplayName("TF-7 a copy that is still there after deletion is that item's error")
    void stopVerifies() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        start(new Harness(fabric, "array-b"), List.of(), List.of(TargetDeviceRequest.of("r1")));
        Harness h = new Harness(fabric, "array-b") ;
        FakeDriver stubborn = new FakeDriver(fabric, "array-b") {
            @Override
            public java.util.Map<org.opensra.spi.ObjectRef, org.opensra.spi.Outcome<org.opensra.spi.Change>> deleteTestCopies(
                    String arrayId, List<org.opensra.spi.ObjectRef> refs) {
                return java.util.Map.of(refs.get(0), org.opensra.spi.Outcome.done(
                        org.opensra.spi.Change.changed(java.util.Map.of("deleted", "pretended"))));
            }
        };
        WorkflowContext ctx = new WorkflowContext(stubborn, FakeDriver.description(h.features), h.ctx().log(),
                DeviceFilter.none(), p -> { }, "127.0.0.1:9443");
        SuccessResults r = new TestFailoverStopWorkflow().run(new TestFailoverStopParameters("array-b", List.of(),
                List.of("r1")), ctx);
        assertThat(code(item(r.targetDevices(), "r1"))).isEqualTo(ErrorCodes.OPERATION_FAILED);
        assertThat(h.lines("still exists after deletion")).isNotEmpty();
    }
}
