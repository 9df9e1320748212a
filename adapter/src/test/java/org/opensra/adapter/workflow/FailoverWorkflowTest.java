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
import org.opensra.protocol.model.DeviceState;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.model.PromotedDevice;
import org.opensra.protocol.model.PromotedGroup;
import org.opensra.protocol.params.CheckFailoverParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.VolumeAccess;

class FailoverWorkflowTest {

    private static SuccessResults prepare(Harness h, List<String> groups, List<String> devices) throws WorkflowException {
        return new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", groups, devices), h.ctx());
    }

    private static FailoverResults failover(Harness h, List<AccessGroup> access, List<TargetGroupRequest> groups,
                                            List<TargetDeviceRequest> devices) throws WorkflowException {
        return new FailoverWorkflow().run(new FailoverParameters("array-b", access, groups, devices), h.ctx());
    }

    @Test
    @DisplayName("PF-1 PF-4 prepareFailover demotes groups and devices to read-only after a pre-failover snapshot, logged")
    void prepareFailover() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness h = new Harness(fabric, "array-a");
        SuccessResults r = prepare(h, List.of("cg1"), List.of("v1", "v2", "nope"));
        assertThat(r.consistencyGroups()).extracting(ItemResult::ref).containsExactly("cg1");
        assertThat(r.sourceDevices()).extracting(ItemResult::ref).containsExactly("v1", "v2", "nope");
        assertThat(warnings(item(r.consistencyGroups(), "cg1"))).isEmpty();
        assertThat(warnings(item(r.sourceDevices(), "v1"))).isEmpty();
        assertThat(code(item(r.sourceDevices(), "v2"))).isEqualTo(ErrorCodes.DEVICE_IN_GROUP);
        assertThat(Harness.placeholders(item(r.sourceDevices(), "v2"))).containsEntry("GroupId", "cg1");
        assertThat(code(item(r.sourceDevices(), "nope"))).isEqualTo(ErrorCodes.UNKNOWN_DEVICE);
        assertThat(fabric.array("array-a").volumes.values()).allSatisfy(v -> {
            assertThat(v.access).isEqualTo(VolumeAccess.READ_ONLY);
            assertThat(v.presented).isFalse();
        });
        assertThat(h.driver.calls("demote")).isEqualTo(1);
        assertThat(h.lines("Commence: Demotion of devices [v1] on array [array-a] for prepareFailover request")).hasSize(1);
        assertThat(h.lines("Complete: Demotion of source device(s) [v1] is now COMPLETE for prepareFailover request.")).hasSize(1);
        assertThat(h.lines("Commence: Pre-Failover Snapshot Copy of [cg1] is being created for prepareFailover request."))
                .hasSize(1);
        assertThat(h.lines("Snapshot [pre-v2] of source device [v2] has been created with Recovery Point")).hasSize(1);
    }

    @Test
    @DisplayName("PF-2 prepareFailover twice succeeds with the no-op warning 2001")
    void prepareTwice() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        prepare(new Harness(fabric, "array-a"), List.of("cg1"), List.of("v1"));
        SuccessResults again = prepare(new Harness(fabric, "array-a"), List.of("cg1"), List.of("v1"));
        assertThat(warnings(item(again.consistencyGroups(), "cg1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
        assertThat(warnings(item(again.sourceDevices(), "v1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
    }

    @Test
    @DisplayName("PF-3 FO-5 WF-5 failover with the protected site down, then prepareFailover succeeds with warning 2004")
    void disasterOrder() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        fabric.array("array-a").reachable = false;
        FailoverResults fo = failover(new Harness(fabric, "array-b"), List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1")));
        assertThat(item(fo.targetDevices(), "r1").success()).isPresent();
        assertThat(item(fo.targetGroups(), "tg1").success()).isPresent();
        fabric.array("array-a").reachable = true;
        SuccessResults r = prepare(new Harness(fabric, "array-a"), List.of("cg1"), List.of("v1"));
        assertThat(warnings(item(r.sourceDevices(), "v1"))).containsExactly(ErrorCodes.PEER_ALREADY_FAILED_OVER);
        assertThat(warnings(item(r.consistencyGroups(), "cg1"))).containsExactly(ErrorCodes.PEER_ALREADY_FAILED_OVER);
    }

    @Test
    @DisplayName("FO-1 checkFailover: ready, already failed over (2001), no replica (1012), per item")
    void checkFailover() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-a", "v4", "prod-new", "array-b", "r4");
        fabric.array("array-b").volumes.get("r4").link = LinkState.INITIAL_SYNC;
        failover(new Harness(fabric, "array-b"), List.of(), List.of(), List.of(TargetDeviceRequest.of("r1")));
        SuccessResults r = new ReadinessCheckWorkflow(CommandName.CHECK_FAILOVER).run(
                new CheckFailoverParameters("array-b", List.of("tg1"), List.of("r1", "r4")), new Harness(fabric, "array-b").ctx());
        assertThat(r.command()).isEqualTo(CommandName.CHECK_FAILOVER);
        assertThat(warnings(item(r.targetGroups(), "tg1"))).isEmpty();
        assertThat(warnings(item(r.targetDevices(), "r1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
        assertThat(code(item(r.targetDevices(), "r4"))).isEqualTo(ErrorCodes.NO_REPLICA_YET);
    }

    @Test
    @DisplayName("FO-2 FO-6 RP-3 failover stops replication, keeps a revert snapshot, promotes, presents; sources untouched")
    void failoverPromotes() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness h = new Harness(fabric, "array-b");
        AccessGroup hosts = new AccessGroup("domain-s1", List.of(Initiator.of(PortType.FC, "21:00:00:e0")));
        FailoverResults r = failover(h, List.of(hosts), List.of(TargetGroupRequest.of("tg1")),
                List.of(new TargetDeviceRequest("r1", List.of("domain-s1"), Optional.of("rp-1"))));
        PromotedDevice d = item(r.targetDevices(), "r1").success().orElseThrow();
        assertThat(d.promotion().id()).isEqualTo("r1");
        assertThat(d.promotion().state()).isEqualTo(DeviceState.READ_WRITE);
        assertThat(d.identity()).contains(new Identity.Wwn("wwn-r1"));
        assertThat(d.recoveryPoint().id()).isEqualTo("rp-1");
        PromotedGroup g = item(r.targetGroups(), "tg1").success().orElseThrow();
        assertThat(g.promotion().id()).isEqualTo("tg1");
        assertThat(g.devices()).extracting(x -> x.key()).containsExactly("r2", "r3");
        assertThat(g.devices()).allSatisfy(x -> assertThat(x.identity()).isPresent());
        assertThat(g.recoveryPoint().id()).isEqualTo("latest");
        assertThat(fabric.array("array-b").volumes.values()).allSatisfy(v -> {
            assertThat(v.access).isEqualTo(VolumeAccess.READ_WRITE);
            assertThat(v.link).isEqualTo(LinkState.STOPPED);
        });
        assertThat(fabric.array("array-a").volumes.values()).allSatisfy(v -> {
            assertThat(v.role).isEqualTo(ReplicationRole.SOURCE);
            assertThat(v.access).isEqualTo(VolumeAccess.READ_WRITE);
        });
        assertThat(h.driver.calls("promote")).isEqualTo(1);
        assertThat(h.lines("Commence: Suspending replication of [tg1, r1] on array [array-b] for failover request")).hasSize(1);
        assertThat(h.lines("Commence: Revert Snapshot Copy of [r1] is being created for potential restoreReplication request."))
                .hasSize(1);
        assertThat(h.lines("Revert Snapshot copy [revert-r1]")).hasSize(1);
        assertThat(h.lines("Commence: Promotion of devices [r2, r3, r1] on array [array-b] for failover request")).hasSize(1);
        assertThat(h.lines("Promoted target [r1] is being exposed to hosts [FC:21:00:00:e0]")).hasSize(1);
        assertThat(h.lines("Complete: Promotion is now complete for devices")).hasSize(1);
    }

    @Test
    @DisplayName("FO-3 failover twice keeps the state, warns 2001, returns the same result and presents again")
    void failoverTwice() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        FailoverResults first = failover(new Harness(fabric, "array-b"), List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1")));
        fabric.array("array-b").volumes.get("r1").presented = false; // unpresented meanwhile
        Harness h = new Harness(fabric, "array-b");
        FailoverResults second = failover(h, List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1")));
        assertThat(item(second.targetDevices(), "r1").success()).isEqualTo(item(first.targetDevices(), "r1").success());
        assertThat(item(second.targetGroups(), "tg1").success()).isEqualTo(item(first.targetGroups(), "tg1").success());
        assertThat(warnings(item(second.targetDevices(), "r1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
        assertThat(warnings(item(second.targetGroups(), "tg1"))).containsExactly(ErrorCodes.ALREADY_IN_STATE);
        assertThat(fabric.array("array-b").volumes.get("r1").presented).isTrue();
        assertThat(h.lines("WARNING: [r1] was already failed over")).hasSize(1);
    }

    @Test
    @DisplayName("FO-4 RESP-1 promotion ok but presentation failed: no Identity, warning 2002; other items unaffected")
    void failoverPartial() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-a", "v4", "prod-x", "array-b", "r4");
        fabric.array("array-b").failPresentation.add("r4");
        fabric.array("array-b").volumes.get("r1").link = LinkState.INITIAL_SYNC;
        FailoverResults r = failover(new Harness(fabric, "array-b"), List.of(), List.of(),
                List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("r4"), TargetDeviceRequest.of("r3")));
        assertThat(r.targetDevices()).extracting(ItemResult::ref).containsExactly("r1", "r4", "r3");
        assertThat(code(item(r.targetDevices(), "r1"))).isEqualTo(ErrorCodes.NO_REPLICA_YET);
        PromotedDevice r4 = item(r.targetDevices(), "r4").success().orElseThrow();
        assertThat(r4.identity()).isEmpty();
        assertThat(r4.promotion().id()).isEqualTo("r4");
        assertThat(warnings(item(r.targetDevices(), "r4"))).containsExactly(ErrorCodes.PRESENTATION_FAILED);
        assertThat(code(item(r.targetDevices(), "r3"))).isEqualTo(ErrorCodes.DEVICE_IN_GROUP);
    }

    @Test
    @DisplayName("FO-4 RESP-1 an unreachable array fails every requested item with 1001 naming the address")
    void unreachableArray() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-b");
        h.driver.unreachable = true;
        FailoverResults r = failover(h, List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("r9")));
        assertThat(r.targetGroups()).extracting(ItemResult::ref).containsExactly("tg1");
        assertThat(r.targetDevices()).extracting(ItemResult::ref).containsExactly("r1", "r9");
        assertThat(r.targetDevices()).allSatisfy(i -> {
            assertThat(code(i)).isEqualTo(ErrorCodes.ARRAY_UNREACHABLE);
            assertThat(Harness.placeholders(i)).containsEntry("Address", "127.0.0.1:1");
        });
        assertThat(code(item(r.targetGroups(), "tg1"))).isEqualTo(ErrorCodes.ARRAY_UNREACHABLE);
        assertThat(h.driver.calls("promote")).isZero();
    }

    @Test
    @DisplayName("PF-1 RESP-1 an unknown array id fails every requested item with 1003 naming it")
    void unknownArray() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        SuccessResults r = new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-z", List.of("cg1"),
                List.of("v1")), h.ctx());
        assertThat(code(item(r.consistencyGroups(), "cg1"))).isEqualTo(ErrorCodes.UNKNOWN_ARRAY);
        assertThat(Harness.placeholders(item(r.sourceDevices(), "v1"))).containsEntry("ArrayId", "array-z");
    }
}
