package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.adapter.ErrorCodes;
import org.opensra.protocol.Message;
import org.opensra.protocol.model.ConsistencyGroup;
import org.opensra.protocol.model.DeviceState;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.SourceDevice;
import org.opensra.protocol.model.TargetDevice;
import org.opensra.protocol.model.TargetGroup;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.result.Arrays;
import org.opensra.protocol.result.ReplicatedDevices;

class DiscoveryWorkflowTest {

    private static ReplicatedDevices discover(Harness h, String array, String peer) throws WorkflowException {
        return new DiscoverDevicesWorkflow().run(new DiscoverDevicesParameters(array, peer), h.ctx());
    }

    @Test
    @DisplayName("DA-1 discoverArrays returns the local array with model, software and peers, mirrored at both sites")
    void discoverArrays() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Arrays a = new DiscoverArraysWorkflow().run(new Harness(fabric, "array-a").ctx());
        Arrays b = new DiscoverArraysWorkflow().run(new Harness(fabric, "array-b").ctx());
        assertThat(a.arrays()).singleElement().satisfies(array -> {
            assertThat(array.id()).isEqualTo("array-a");
            assertThat(array.peerArrays()).containsExactly("array-b");
            assertThat(array.model().name()).isEqualTo("Fake");
            assertThat(array.model().vendor().stringId()).contains("fakeVendor");
            assertThat(array.replicationSoftware().version()).isEqualTo("1.0");
        });
        assertThat(b.arrays()).singleElement().satisfies(array -> assertThat(array.peerArrays()).containsExactly("array-a"));
    }

    @Test
    @DisplayName("DA-1 an unreachable array fails the whole command with 1001 naming the address")
    void unreachable() {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        h.driver.unreachable = true;
        assertThatThrownBy(() -> new DiscoverArraysWorkflow().run(h.ctx()))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    Message.Predefined m = (Message.Predefined) e.error();
                    assertThat(m.code()).isEqualTo(ErrorCodes.ARRAY_UNREACHABLE);
                    assertThat(m.value("Address")).contains("127.0.0.1:1");
                });
    }

    @Test
    @DisplayName("DD-1 DD-2 DD-6 sources at the protected site, matching targets and groups at the recovery site")
    void mirrorImages() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        ReplicatedDevices a = discover(new Harness(fabric, "array-a"), "array-a", "array-b");
        ReplicatedDevices b = discover(new Harness(fabric, "array-b"), "array-b", "array-a");
        assertThat(a.sourceDevices()).extracting(SourceDevice::id).containsExactly("v1");
        assertThat(a.sourceDevices().get(0).targetKey()).isEqualTo("r1");
        assertThat(a.sourceDevices().get(0).state()).isEqualTo(DeviceState.READ_WRITE);
        assertThat(a.sourceDevices().get(0).identity()).contains(new Identity.Wwn("wwn-v1"));
        assertThat(a.consistencyGroups()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo("cg1");
            assertThat(g.targetGroupKey()).isEqualTo("tg1");
            assertThat(g.sourceDevices()).extracting(SourceDevice::id).containsExactly("v2", "v3");
            assertThat(g.sourceDevices()).extracting(SourceDevice::targetKey).containsExactly("r2", "r3");
        });
        assertThat(a.targetDevices()).isEmpty();
        assertThat(b.targetDevices()).extracting(TargetDevice::key).containsExactly("r1");
        assertThat(b.targetGroups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("tg1");
            assertThat(g.targetDevices()).extracting(TargetDevice::key).containsExactly("r2", "r3");
            assertThat(g.promotion()).isEmpty();
        });
        assertThat(b.sourceDevices()).isEmpty();
    }

    @Test
    @DisplayName("DD-1 only objects replicated with the requested peer; bi-directional gives both kinds")
    void peerAndBothDirections() throws Exception {
        FakeArrays fabric = Harness.twoSites().pair("array-b", "w1", "back", "array-a", "s1")
                .pair("array-a", "x1", "other", "array-c", "y1");
        Harness h = new Harness(fabric, "array-a");
        ReplicatedDevices a = discover(h, "array-a", "array-b");
        assertThat(a.sourceDevices()).extracting(SourceDevice::id).containsExactly("v1");
        assertThat(a.targetDevices()).extracting(TargetDevice::key).containsExactly("s1");
        assertThat(h.lines("Excluded device [x1]: replicated with array [array-c], not [array-b]")).hasSize(1);
    }

    @Test
    @DisplayName("DD-4 a demoted source is read-only without Identity, also inside a group")
    void demoted() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", List.of("cg1"), List.of("v1")),
                new Harness(fabric, "array-a").ctx());
        ReplicatedDevices a = discover(new Harness(fabric, "array-a"), "array-a", "array-b");
        assertThat(a.sourceDevices().get(0).state()).isEqualTo(DeviceState.READ_ONLY);
        assertThat(a.sourceDevices().get(0).identity()).isEmpty();
        ConsistencyGroup g = a.consistencyGroups().get(0);
        assertThat(g.state()).isEqualTo(DeviceState.READ_ONLY);
        assertThat(g.sourceDevices()).allSatisfy(d -> assertThat(d.identity()).isEmpty());
    }

    @Test
    @DisplayName("DD-3 DD-8 after failover the target shows id, read-write state and Identity; TF-8 test snapshot shown while it exists")
    void promotedAndSnapshot() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        new TestFailoverStartWorkflow().run(new TestFailoverStartParameters("array-b", List.of(),
                List.of(TargetGroupRequest.of("tg1")), List.of(TargetDeviceRequest.of("r1"))), new Harness(fabric, "array-b").ctx());
        ReplicatedDevices during = discover(new Harness(fabric, "array-b"), "array-b", "array-a");
        assertThat(during.targetDevices().get(0).snapshot()).hasValueSatisfying(s -> {
            assertThat(s.id()).isEqualTo("clone-r1");
            assertThat(s.identity()).contains(new Identity.Wwn("wwn-clone-r1"));
            assertThat(s.recoveryPoint()).hasValueSatisfying(rp -> assertThat(rp.id()).isEqualTo("latest"));
        });
        TargetGroup tg = during.targetGroups().get(0);
        assertThat(tg.snapshot()).hasValueSatisfying(s -> assertThat(s.devices()).extracting(d -> d.snapshot().id())
                .containsExactly("clone-r2", "clone-r3"));

        FakeArrays fresh = Harness.twoSites();
        new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(), List.of(TargetGroupRequest.of("tg1")),
                List.of(TargetDeviceRequest.of("r1"))), new Harness(fresh, "array-b").ctx());
        ReplicatedDevices after = discover(new Harness(fresh, "array-b"), "array-b", "array-a");
        TargetDevice r1 = after.targetDevices().get(0);
        assertThat(r1.promotion()).hasValueSatisfying(p -> {
            assertThat(p.id()).isEqualTo("r1");
            assertThat(p.state()).isEqualTo(DeviceState.READ_WRITE);
        });
        assertThat(r1.identity()).contains(new Identity.Wwn("wwn-r1"));
        assertThat(after.targetGroups().get(0).promotion()).isPresent();
        assertThat(after.targetGroups().get(0).targetDevices()).allSatisfy(d -> assertThat(d.promotion()).isPresent());
    }

    @Test
    @DisplayName("DD-5 after reverseReplication the promoted device is a source at the recovery site and the old source a target")
    void reversed() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", List.of(), List.of("v1")),
                new Harness(fabric, "array-a").ctx());
        new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(), List.of(),
                List.of(TargetDeviceRequest.of("r1"))), new Harness(fabric, "array-b").ctx());
        new ReplicationChangeWorkflow(ReplicationChangeWorkflow.Operation.REVERSE).run(
                new ReverseReplicationParameters("array-b", "array-a", List.of(), List.of(SettingsItem.of("r1"))),
                new Harness(fabric, "array-b").ctx());
        ReplicatedDevices b = discover(new Harness(fabric, "array-b"), "array-b", "array-a");
        ReplicatedDevices a = discover(new Harness(fabric, "array-a"), "array-a", "array-b");
        assertThat(b.sourceDevices()).extracting(SourceDevice::id).containsExactly("r1");
        assertThat(b.sourceDevices().get(0).targetKey()).isEqualTo("v1");
        assertThat(a.targetDevices()).extracting(TargetDevice::key).contains("v1");
        assertThat(a.sourceDevices()).extracting(SourceDevice::id).doesNotContain("v1");
    }

    @Test
    @DisplayName("DD-7 LUN identities with initiator groups bring the referenced InitiatorGroups and the StoragePorts")
    void lunIdentity() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        h.driver.identityForm = FakeDriver.IdentityForm.LUN_IGROUP;
        ReplicatedDevices a = discover(h, "array-a", "array-b");
        assertThat(a.sourceDevices().get(0).identity()).hasValueSatisfying(i ->
                assertThat(((Identity.Luns) i).luns().get(0).initiatorGroupId()).contains("ig-1"));
        assertThat(a.initiatorGroups()).extracting(g -> g.id()).containsExactly("ig-1");
        assertThat(a.storagePorts()).extracting(p -> p.id()).containsExactly("iqn.fake:array-a");
        Harness wwn = new Harness(Harness.twoSites(), "array-a");
        ReplicatedDevices plain = discover(wwn, "array-a", "array-b");
        assertThat(plain.initiatorGroups()).isEmpty();
        assertThat(plain.storagePorts()).isEmpty();
    }

    @Test
    @DisplayName("CONN-3 LOG-4 the device-name filter hides non-matching devices and groups and logs why")
    void filter() throws Exception {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        h.filter = DeviceFilter.prefix("prod-db");
        ReplicatedDevices a = discover(h, "array-a", "array-b");
        assertThat(a.sourceDevices()).extracting(SourceDevice::id).containsExactly("v1");
        assertThat(a.consistencyGroups()).isEmpty();
        assertThat(h.lines("Device-name filter for this command: deviceNamePrefix=\"prod-db\"")).hasSize(1);
        assertThat(h.lines("Excluded consistency group [cg1]: its device [v2] named [\"prod-app 1\"] does not match"))
                .hasSize(1);
        assertThat(h.lines("Commence: Discovering devices on array [array-a] replicated with array [array-b]")).hasSize(1);
        assertThat(h.lines("Complete: Discovered 0 consistency group(s)")).hasSize(1);
    }

    @Test
    @DisplayName("DD-8 an unknown array id fails the command with 1003 naming it")
    void unknownArray() {
        Harness h = new Harness(Harness.twoSites(), "array-a");
        assertThatThrownBy(() -> discover(h, "array-x", "array-b")).isInstanceOfSatisfying(WorkflowException.class,
                e -> assertThat(((Message.Predefined) e.error()).value("ArrayId")).contains("array-x"));
        assertThat(Optional.of(h.log())).hasValueSatisfying(l -> assertThat(l).contains("Complete: FAILED"));
    }
}
