package org.opensra.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.ConnectionDefinition;
import org.opensra.protocol.model.ConsistencyGroup;
import org.opensra.protocol.model.CustomProperty;
import org.opensra.protocol.model.CustomPropertyDefinition;
import org.opensra.protocol.model.DeviceIdentification;
import org.opensra.protocol.model.DeviceState;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.model.ExecutionLocation;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.GroupSnapshot;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.LocalizedText;
import org.opensra.protocol.model.Lun;
import org.opensra.protocol.model.MessageDefinition;
import org.opensra.protocol.model.ParameterDefinition;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.model.Promotion;
import org.opensra.protocol.model.PromotedDevice;
import org.opensra.protocol.model.PromotedGroup;
import org.opensra.protocol.model.PromotedGroupDevice;
import org.opensra.protocol.model.Prompt;
import org.opensra.protocol.model.Protocol;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.model.Snapshot;
import org.opensra.protocol.model.SnapshotDevice;
import org.opensra.protocol.model.SourceDevice;
import org.opensra.protocol.model.StorageArray;
import org.opensra.protocol.model.StoragePort;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.model.TargetDevice;
import org.opensra.protocol.model.TargetGroup;
import org.opensra.protocol.params.CheckFailoverParameters;
import org.opensra.protocol.params.CheckTestFailoverStartParameters;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.params.DeviceAccess;
import org.opensra.protocol.params.DiscoverArraysParameters;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.PrepareRestoreReplicationParameters;
import org.opensra.protocol.params.PrepareReverseReplicationParameters;
import org.opensra.protocol.params.QueryCapabilitiesParameters;
import org.opensra.protocol.params.QueryConnectionParametersParameters;
import org.opensra.protocol.params.QueryDeviceDetailsParameters;
import org.opensra.protocol.params.QueryErrorDefinitionsParameters;
import org.opensra.protocol.params.QueryInfoParameters;
import org.opensra.protocol.params.QueryRecoveryPointsParameters;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.params.QueryStringsParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.protocol.result.AdapterConnectionParameters;
import org.opensra.protocol.result.AdapterInfo;
import org.opensra.protocol.result.Arrays;
import org.opensra.protocol.result.CommandResult;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.ErrorDefinitions;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.protocol.result.ReplicatedDevices;
import org.opensra.protocol.result.ReplicationSettingsResults;
import org.opensra.protocol.result.Strings;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.protocol.result.SyncResults;
import org.opensra.protocol.result.TestFailoverStartResults;

/** Rich sample values of every command's parameters and result, for round-trip and schema tests. */
final class Samples {
    static final Message ERROR_1004 = Message.predefined(1004, "DeviceId", "async-LUN 11");
    static final Message UNDEFINED = Message.undefined("Device 'x' is not ready & <yet>.", "Wait and retry.");
    static final Message WARNING_500 = Message.predefined(500, "Device", "dev 2");
    static final RecoveryPoint RP = new RecoveryPoint("snap-a2", Optional.of("Hourly"), "2009-07-10T02:00:00.0", true);
    static final RecoveryPoint LATEST = RecoveryPoint.of("latest", Optional.empty(),
            Instant.parse("2026-11-25T10:00:00Z"), false);
    static final Identity WWN = new Identity.Wwn("60:00:00:00:00:00:00:01");
    static final Identity LUNS = new Identity.Luns(List.of(
            new Lun(2, Optional.of("group-b"), Optional.empty()),
            new Lun(3, Optional.of("group-a"), Optional.of("iqn.aaa"))));
    static final List<InitiatorGroup> INITIATOR_GROUPS = List.of(new InitiatorGroup("group-a",
            List.of(Initiator.of(PortType.FC, "21:00:00:E0:8B:8F:55:4B"),
                    new Initiator(PortType.ISCSI, "iqn.1998-01.com.vmware:h1", Optional.of("chap user")))));
    static final List<StoragePort> PORTS = List.of(new StoragePort("iqn.z1", PortType.ISCSI),
            new StoragePort("10.20.30.40", PortType.NFS));
    static final ReplicationSettings SETTINGS = new ReplicationSettings(
            "<ReplicationSettings mode=\"async\"><Schedule every=\"15m\">x &amp; y</Schedule>"
                    + "<foo:Extra xmlns:foo=\"urn:foo\">1</foo:Extra></ReplicationSettings>");

    private Samples() {
    }

    static List<CommandResult> results() {
        return List.of(
                new AdapterInfo(LocalizedText.of("OpenSRA", "AdapterName"), "0.1.0", LocalizedText.of("OpenSRA project",
                        "AdapterVendor"), "1b4e28ba-2fa1-11d2-883f-0016d3cca427", Optional.of("http://example.org/sra")),
                new Strings("ja", List.of(new Strings.Entry("AdapterName", "OpenSRA (ja)"),
                        new Strings.Entry("Description1001", "接続できません {Address}"))),
                new ErrorDefinitions(List.of(new MessageDefinition(1001, LocalizedText.of("Cannot reach {Address}",
                        "Description1001"), LocalizedText.of("Check {Address}", "FixHint1001"))),
                        List.of(new MessageDefinition(2001, LocalizedText.of("{Object} already done"),
                                LocalizedText.of("Nothing to do")))),
                new AdapterCapabilities(List.of(new ReplicationSoftware("OpenSRA embedded replication", "1.0")),
                        List.of(new ArrayModel("embedded", LocalizedText.of("OpenSRA", "ArrayVendor"))),
                        new Features(true, true, true, Optional.of(DeviceIdentification.WWN),
                                List.of(Protocol.ISCSI, Protocol.FC), Optional.of("^foo-"), true),
                        List.of(CommandCapability.of(CommandName.QUERY_INFO),
                                new CommandCapability(CommandName.QUERY_STRINGS, List.of("de", "ja"), Optional.empty(),
                                        List.of()),
                                new CommandCapability(CommandName.QUERY_DEVICE_DETAILS, List.of(), Optional.empty(),
                                        List.of(new CustomPropertyDefinition("size", LocalizedText.of("Size", "SizeLabel")))),
                                CommandCapability.at(CommandName.SYNC_ONCE, ExecutionLocation.SOURCE),
                                CommandCapability.at(CommandName.REVERSE_REPLICATION, ExecutionLocation.TARGET))),
                new AdapterConnectionParameters(List.of(new ConnectionDefinition("array",
                        new Prompt(LocalizedText.of("Array", "ArrayTitle"), LocalizedText.of("The array", "ArrayHint")),
                        List.of(ParameterDefinition.required("managementAddress", new Prompt(LocalizedText.of("Address"),
                                LocalizedText.of("host:port")))),
                        Optional.of(new Prompt(LocalizedText.of("Username"), LocalizedText.of("User"))),
                        Optional.of(new Prompt(LocalizedText.of("Password"), LocalizedText.of("Password"))),
                        List.of(new ParameterDefinition("deviceNamePrefix", new Prompt(LocalizedText.of("Prefix"),
                                LocalizedText.of("Leave empty for all")), true))))),
                new Arrays(List.of(new StorageArray("array-a", Optional.of("Array A"),
                        new ArrayModel("embedded", LocalizedText.of("OpenSRA")),
                        new ReplicationSoftware("embedded", "1.0"), List.of("array-b", "array c")))),
                replicatedDevices(),
                new ReplicationSettingsResults(List.of(ItemResult.ok("cg 1", SETTINGS)),
                        List.of(ItemResult.ok("d1", ReplicationSettings.ofContent("plain text")),
                                ItemResult.failed("d2", ERROR_1004)), List.of(), List.of()),
                new ReplicationSettingsResults(List.of(), List.of(), List.of(ItemResult.ok("tg", SETTINGS,
                        List.of(WARNING_500))), List.of(ItemResult.ok("td", new ReplicationSettings("<ReplicationSettings></ReplicationSettings>")))),
                new DeviceDetails(List.of(ItemResult.ok("aaa-1", List.of(new CustomProperty("size", "10 GiB"),
                        new CustomProperty("pool", "p1"))), ItemResult.failed("aaa-2", UNDEFINED))),
                new RecoveryPointsResults(List.of(ItemResult.ok("srm-target-1", List.of(RP, LATEST))),
                        List.of(ItemResult.failed("xxx-3-peer", UNDEFINED))),
                new SyncResults(CommandName.SYNC_ONCE, List.of(ItemResult.ok("srm-1", DeviceSync.inProgress("s1", 0, 150))),
                        List.of(ItemResult.ok("xxx-3", DeviceSync.inProgress("s2", 15, 60), List.of(WARNING_500)),
                                ItemResult.failed("xxx-4", ERROR_1004)), List.of(), List.of()),
                new SyncResults(CommandName.QUERY_SYNC_STATUS, List.of(), List.of(),
                        List.of(ItemResult.ok("tg", DeviceSync.complete("s1"))),
                        List.of(ItemResult.ok("td", new DeviceSync("s2", SyncStatus.COMPLETE, OptionalInt.empty(),
                                OptionalLong.empty())))),
                SuccessResults.forTargets(CommandName.CHECK_TEST_FAILOVER_START,
                        List.of(ItemResult.ok("tg", Success.SUCCESS)),
                        List.of(ItemResult.ok("td", Success.SUCCESS, List.of(UNDEFINED)), ItemResult.failed("t2", ERROR_1004))),
                SuccessResults.forTargets(CommandName.CHECK_FAILOVER, List.of(), List.of(ItemResult.ok("td", Success.SUCCESS))),
                SuccessResults.forTargets(CommandName.TEST_FAILOVER_STOP, List.of(ItemResult.ok("tg", Success.SUCCESS)),
                        List.of()),
                SuccessResults.forPrepareFailover(List.of(ItemResult.ok("cg", Success.SUCCESS)),
                        List.of(ItemResult.failed("xxx-3", ERROR_1004))),
                SuccessResults.forReplicationChange(CommandName.PREPARE_REVERSE_REPLICATION,
                        List.of(ItemResult.ok("cg", Success.SUCCESS)), List.of()),
                SuccessResults.forReplicationChange(CommandName.REVERSE_REPLICATION, List.of(),
                        List.of(ItemResult.ok("d", Success.SUCCESS, List.of(WARNING_500)))),
                SuccessResults.forReplicationChange(CommandName.PREPARE_RESTORE_REPLICATION, List.of(),
                        List.of(ItemResult.ok("d", Success.SUCCESS))),
                SuccessResults.forReplicationChange(CommandName.RESTORE_REPLICATION,
                        List.of(ItemResult.failed("cg", UNDEFINED)), List.of(ItemResult.ok("d", Success.SUCCESS))),
                new TestFailoverStartResults(
                        List.of(ItemResult.ok("srm-target-1", new GroupSnapshot("snap-1", List.of(
                                new SnapshotDevice("xxx-1-peer", new Snapshot("xxx-1-snap", Optional.of(LUNS),
                                        Optional.empty()))), RP))),
                        List.of(ItemResult.failed("xxx-2-peer", ERROR_1004),
                                ItemResult.ok("xxx-3-peer", new Snapshot("xxx-3-copy", Optional.of(WWN), Optional.of(RP))),
                                ItemResult.ok("xxx-4-peer", new Snapshot("xxx-4-copy", Optional.empty(),
                                        Optional.of(LATEST)), List.of(UNDEFINED))),
                        INITIATOR_GROUPS, PORTS),
                new FailoverResults(
                        List.of(ItemResult.ok("srm-target-1", new PromotedGroup(Promotion.readWrite("srm-target-1-copy"),
                                RP, List.of(new PromotedGroupDevice("xxx-1-peer", Optional.of(Promotion.readWrite("xxx-1-copy")),
                                        Optional.of(WWN)))))),
                        List.of(ItemResult.failed("xxx-2-peer", ERROR_1004),
                                ItemResult.ok("xxx-3-peer", new PromotedDevice(Promotion.readWrite("xxx-3-copy"),
                                        Optional.of(new Identity.NfsName("/vol/xxx-3")), LATEST)),
                                ItemResult.ok("xxx-4-peer", new PromotedDevice(Promotion.readWrite("xxx-4-copy"),
                                        Optional.empty(), LATEST), List.of(UNDEFINED))),
                        List.of(), PORTS));
    }

    static ReplicatedDevices replicatedDevices() {
        SourceDevice x = new SourceDevice("X", DeviceState.READ_WRITE, Optional.of("System Tablespace"), "peer-of-X",
                Optional.of(WWN));
        SourceDevice y = new SourceDevice("Y", DeviceState.READ_ONLY, Optional.empty(), "peer-of-Y", Optional.empty());
        TargetDevice tx = TargetDevice.of("peer-of-X", Optional.of("Replica of X"));
        TargetDevice promoted = new TargetDevice("peer-of-Z", Optional.empty(), Optional.of(Promotion.readWrite("Z-copy")),
                Optional.of(new Identity.DatastoreMoId("datastore-120")), Optional.empty());
        TargetDevice tested = new TargetDevice("async-LUN 11", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Snapshot("X-snap", Optional.of(LUNS), Optional.of(LATEST))));
        return new ReplicatedDevices(
                List.of(new ConsistencyGroup("Foo", DeviceState.READ_WRITE, Optional.of("DB LUNs"), "peer-of-Foo",
                        List.of(x, y))),
                List.of(new TargetGroup("peer-of-Bar", Optional.of("Replicas"), Optional.empty(), List.of(tx),
                        Optional.of(new GroupSnapshot("Bar-snap", List.of(new SnapshotDevice("peer-of-X",
                                new Snapshot("X-snap", Optional.of(WWN), Optional.empty()))), RP))),
                        new TargetGroup("peer-of-Baz", Optional.empty(), Optional.of(Promotion.readWrite("Baz-copy")),
                                List.of(promoted), Optional.empty())),
                List.of(new SourceDevice("a1", DeviceState.READ_WRITE, Optional.empty(), "peer-of-a1",
                        Optional.of(new Identity.NfsName("/vol/a1")))),
                List.of(tested, promoted),
                INITIATOR_GROUPS, PORTS);
    }

    static List<CommandParameters> parameters() {
        return List.of(new QueryInfoParameters(), new QueryStringsParameters("zh-CN"),
                new QueryErrorDefinitionsParameters(), new QueryCapabilitiesParameters(),
                new QueryConnectionParametersParameters(), new DiscoverArraysParameters(),
                new DiscoverDevicesParameters("array a", "array b"),
                new QueryReplicationSettingsParameters("A", "B", List.of("srm-1"), List.of("xxx-2", "xxx 3"), List.of(),
                        List.of()),
                new QueryReplicationSettingsParameters("B", "A", List.of(), List.of(), List.of("tg"), List.of("td")),
                new QueryDeviceDetailsParameters("A", List.of("aaa-1", "aaa-2")),
                new QueryRecoveryPointsParameters("B", List.of("srm-target-1"), List.of("xxx-2-peer")),
                new SyncOnceParameters("A", "B", List.of("srm-1"), List.of("xxx-2"), List.of(), List.of()),
                new SyncOnceParameters("B", "A", List.of(), List.of(), List.of("tg"), List.of("async-LUN 11")),
                new QuerySyncStatusParameters("A", "B", List.of(new SyncRef("srm-1", "sync-1020")),
                        List.of(new SyncRef("xxx-2", "sync-1022")), List.of(), List.of()),
                new CheckTestFailoverStartParameters("B", List.of("tg"), List.of("td1", "td2")),
                new TestFailoverStartParameters("B", List.of(new AccessGroup("host-group-A", List.of(
                        Initiator.of(PortType.FC, "20:00:00:E0"), new Initiator(PortType.ISCSI, "iqn.x", Optional.of("foo"))))),
                        List.of(new TargetGroupRequest("srm-target-1", Optional.of("snap-a2"), List.of(
                                new DeviceAccess("xxx-1-peer", List.of("host-group-A"))))),
                        List.of(new TargetDeviceRequest("xxx-2-peer", List.of("host-group-A"), Optional.of("snap-c3")),
                                TargetDeviceRequest.of("xxx-3-peer"))),
                new TestFailoverStopParameters("B", List.of("tg"), List.of()),
                new CheckFailoverParameters("B", List.of(), List.of("td")),
                new PrepareFailoverParameters("A", List.of("srm-1"), List.of("xxx-2", "xxx-3")),
                new FailoverParameters("B", List.of(), List.of(TargetGroupRequest.of("tg")),
                        List.of(TargetDeviceRequest.of("td"))),
                new PrepareReverseReplicationParameters("A", "B", List.of(SettingsItem.of("cg")), List.of()),
                new ReverseReplicationParameters("B", "A", List.of(new SettingsItem("srm-target-1", Optional.of(SETTINGS))),
                        List.of(new SettingsItem("xxx-2-copy", Optional.of(ReplicationSettings.ofContent("t"))),
                                SettingsItem.of("xxx-3-copy"))),
                new PrepareRestoreReplicationParameters("B", "A", List.of(), List.of(SettingsItem.of("d"))),
                new RestoreReplicationParameters("A", "B", List.of(new SettingsItem("srm-1", Optional.of(SETTINGS))),
                        List.of()));
    }
}
