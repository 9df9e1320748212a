package org.opensra.protocol.xml;

import java.util.List;
import java.util.Optional;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.model.ReplicationSettings;
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
import org.opensra.protocol.params.RecoveryParameters;
import org.opensra.protocol.params.ReplicationChangeParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SourceOrTargetSelection;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TargetSelection;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.protocol.params.UnsupportedCommandParameters;

/** The parameters elements of the 22 commands (Tables 1-15), both directions. */
public final class ParametersXml {
    private ParametersXml() {
    }

    // ===================================================================== reading

    /** Reads the parameters of {@code command} from the {@code <Command>} element. */
    public static CommandParameters read(XmlNode command, CommandName name) {
        switch (name) {
            case QUERY_INFO:
                return new QueryInfoParameters();
            case QUERY_ERROR_DEFINITIONS:
                return new QueryErrorDefinitionsParameters();
            case QUERY_CAPABILITIES:
                return new QueryCapabilitiesParameters();
            case QUERY_CONNECTION_PARAMETERS:
                return new QueryConnectionParametersParameters();
            case DISCOVER_ARRAYS:
                return new DiscoverArraysParameters();
            default:
                break;
        }
        XmlNode p = command.requiredChild(name.parametersElement().orElseThrow());
        switch (name) {
            case QUERY_STRINGS:
                return new QueryStringsParameters(p.requiredChildText("Locale"));
            case DISCOVER_DEVICES:
                return new DiscoverDevicesParameters(p.requiredChildText("ArrayId"), p.requiredChildText("PeerArrayId"));
            case QUERY_REPLICATION_SETTINGS:
                return new QueryReplicationSettingsParameters(p.requiredChildText("ArrayId"),
                        p.requiredChildText("PeerArrayId"), ids(p, "ConsistencyGroups", "ConsistencyGroup"),
                        ids(p, "SourceDevices", "SourceDevice"), keys(p, "TargetGroups", "TargetGroup"),
                        keys(p, "TargetDevices", "TargetDevice"));
            case SYNC_ONCE:
                return new SyncOnceParameters(p.requiredChildText("ArrayId"), p.requiredChildText("PeerArrayId"),
                        ids(p, "ConsistencyGroups", "ConsistencyGroup"), ids(p, "SourceDevices", "SourceDevice"),
                        keys(p, "TargetGroups", "TargetGroup"), keys(p, "TargetDevices", "TargetDevice"));
            case QUERY_SYNC_STATUS:
                return new QuerySyncStatusParameters(p.requiredChildText("ArrayId"), p.requiredChildText("PeerArrayId"),
                        syncRefs(p, "ConsistencyGroups", "ConsistencyGroup", "id"),
                        syncRefs(p, "SourceDevices", "SourceDevice", "id"),
                        syncRefs(p, "TargetGroups", "TargetGroup", "key"),
                        syncRefs(p, "TargetDevices", "TargetDevice", "key"));
            case QUERY_DEVICE_DETAILS:
                return new QueryDeviceDetailsParameters(p.requiredChildText("ArrayId"), atLeastOne(
                        ids(p, "Devices", "Device"), "<QueryDeviceDetailsParameters> names no <Device> in <Devices>"));
            case QUERY_RECOVERY_POINTS:
                return new QueryRecoveryPointsParameters(p.requiredChildText("ArrayId"),
                        keys(p, "TargetGroups", "TargetGroup"), keys(p, "TargetDevices", "TargetDevice"));
            case CHECK_TEST_FAILOVER_START:
                return new CheckTestFailoverStartParameters(p.requiredChildText("ArrayId"),
                        keys(p, "TargetGroups", "TargetGroup"), keys(p, "TargetDevices", "TargetDevice"));
            case CHECK_FAILOVER:
                return new CheckFailoverParameters(p.requiredChildText("ArrayId"),
                        keys(p, "TargetGroups", "TargetGroup"), keys(p, "TargetDevices", "TargetDevice"));
            case TEST_FAILOVER_STOP:
                return new TestFailoverStopParameters(p.requiredChildText("ArrayId"),
                        keys(p, "TargetGroups", "TargetGroup"), keys(p, "TargetDevices", "TargetDevice"));
            case PREPARE_FAILOVER:
                return new PrepareFailoverParameters(p.requiredChildText("ArrayId"),
                        ids(p, "ConsistencyGroups", "ConsistencyGroup"), ids(p, "SourceDevices", "SourceDevice"));
            case TEST_FAILOVER_START:
                return new TestFailoverStartParameters(p.requiredChildText("ArrayId"), accessGroups(p),
                        targetGroupRequests(p), targetDeviceRequests(p));
            case FAILOVER:
                return new FailoverParameters(p.requiredChildText("ArrayId"), accessGroups(p),
                        targetGroupRequests(p), targetDeviceRequests(p));
            case PREPARE_REVERSE_REPLICATION:
                return new PrepareReverseReplicationParameters(p.requiredChildText("ArrayId"),
                        p.requiredChildText("PeerArrayId"), settingsItems(p, "ConsistencyGroups", "ConsistencyGroup"),
                        settingsItems(p, "Devices", "Device"));
            case REVERSE_REPLICATION:
                return new ReverseReplicationParameters(p.requiredChildText("ArrayId"),
                        p.requiredChildText("PeerArrayId"), settingsItems(p, "ConsistencyGroups", "ConsistencyGroup"),
                        settingsItems(p, "Devices", "Device"));
            case PREPARE_RESTORE_REPLICATION:
                return new PrepareRestoreReplicationParameters(p.requiredChildText("ArrayId"),
                        p.requiredChildText("PeerArrayId"), settingsItems(p, "ConsistencyGroups", "ConsistencyGroup"),
                        settingsItems(p, "Devices", "Device"));
            case RESTORE_REPLICATION:
                return new RestoreReplicationParameters(p.requiredChildText("ArrayId"),
                        p.requiredChildText("PeerArrayId"), settingsItems(p, "ConsistencyGroups", "ConsistencyGroup"),
                        settingsItems(p, "Devices", "Device"));
            default:
                throw new IllegalStateException("no parameters reader for " + name);
        }
    }

    /** Table 9 asks for one Device at least: no valid DeviceDetails answers an empty list (found by fuzzing). */
    private static List<String> atLeastOne(List<String> ids, String problem) {
        if (ids.isEmpty()) {
            throw new XmlContentException(problem);
        }
        return ids;
    }

    private static List<String> ids(XmlNode p, String wrapper, String item) {
        return p.list(wrapper, item).stream().map(n -> n.requiredAttribute("id")).toList();
    }

    private static List<String> keys(XmlNode p, String wrapper, String item) {
        return p.list(wrapper, item).stream().map(n -> n.requiredAttribute("key")).toList();
    }

    private static List<SyncRef> syncRefs(XmlNode p, String wrapper, String item, String refAttr) {
        return p.list(wrapper, item).stream()
                .map(n -> new SyncRef(n.requiredAttribute(refAttr), n.requiredAttribute("syncId"))).toList();
    }

    private static List<AccessGroup> accessGroups(XmlNode p) {
        return p.list("AccessGroups", "AccessGroup").stream().map(g -> new AccessGroup(g.requiredAttribute("id"),
                g.children("Initiator").stream().map(ModelXml::readInitiator).toList())).toList();
    }

    private static List<String> accessGroupIds(XmlNode n) {
        return n.list("AccessGroups", "AccessGroup").stream().map(g -> g.requiredAttribute("id")).toList();
    }

    private static Optional<String> recoveryPointId(XmlNode n) {
        return n.child("RecoveryPoint").map(rp -> rp.requiredAttribute("id"));
    }

    private static List<TargetGroupRequest> targetGroupRequests(XmlNode p) {
        return p.list("TargetGroups", "TargetGroup").stream().map(g -> new TargetGroupRequest(
                g.requiredAttribute("key"), recoveryPointId(g),
                g.list("TargetDevices", "TargetDevice").stream()
                        .map(d -> new DeviceAccess(d.requiredAttribute("key"), accessGroupIds(d))).toList())).toList();
    }

    private static List<TargetDeviceRequest> targetDeviceRequests(XmlNode p) {
        return p.list("TargetDevices", "TargetDevice").stream().map(d -> new TargetDeviceRequest(
                d.requiredAttribute("key"), accessGroupIds(d), recoveryPointId(d))).toList();
    }

    private static List<SettingsItem> settingsItems(XmlNode p, String wrapper, String item) {
        return p.list(wrapper, item).stream().map(n -> new SettingsItem(n.requiredAttribute("id"),
                n.child("ReplicationSettings").map(s -> new ReplicationSettings(s.rawXml().orElseThrow(() ->
                        new XmlContentException("ReplicationSettings could not be kept verbatim")))))).toList();
    }

    // ===================================================================== writing

    /** Writes the parameters element; nothing for commands without one. */
    public static void write(XmlOut out, CommandParameters parameters) {
        if (parameters instanceof UnsupportedCommandParameters || parameters.command().isEmpty()) {
            return;
        }
        CommandName name = parameters.command().get();
        if (name.parametersElement().isEmpty()) {
            return;
        }
        out.start(name.parametersElement().get());
        if (parameters instanceof QueryStringsParameters p) {
            out.leaf("Locale", p.locale());
        } else if (parameters instanceof DiscoverDevicesParameters p) {
            out.leaf("ArrayId", p.arrayId()).leaf("PeerArrayId", p.peerArrayId());
        } else if (parameters instanceof QueryReplicationSettingsParameters p) {
            out.leaf("ArrayId", p.arrayId()).leaf("PeerArrayId", p.peerArrayId());
            writeSelection(out, p);
        } else if (parameters instanceof SyncOnceParameters p) {
            out.leaf("ArrayId", p.arrayId()).leaf("PeerArrayId", p.peerArrayId());
            writeSelection(out, p);
        } else if (parameters instanceof QuerySyncStatusParameters p) {
            out.leaf("ArrayId", p.arrayId()).leaf("PeerArrayId", p.peerArrayId());
            writeSyncRefs(out, "ConsistencyGroups", "ConsistencyGroup", "id", p.consistencyGroups());
            writeSyncRefs(out, "SourceDevices", "SourceDevice", "id", p.sourceDevices());
            writeSyncRefs(out, "TargetGroups", "TargetGroup", "key", p.targetGroups());
            writeSyncRefs(out, "TargetDevices", "TargetDevice", "key", p.targetDevices());
        } else if (parameters instanceof QueryDeviceDetailsParameters p) {
            out.leaf("ArrayId", p.arrayId());
            writeRefs(out, "Devices", "Device", "id", p.devices());
        } else if (parameters instanceof TargetSelection p) {
            out.leaf("ArrayId", p.arrayId());
            writeRefs(out, "TargetGroups", "TargetGroup", "key", p.targetGroups());
            writeRefs(out, "TargetDevices", "TargetDevice", "key", p.targetDevices());
        } else if (parameters instanceof PrepareFailoverParameters p) {
            out.leaf("ArrayId", p.arrayId());
            writeRefs(out, "ConsistencyGroups", "ConsistencyGroup", "id", p.consistencyGroups());
            writeRefs(out, "SourceDevices", "SourceDevice", "id", p.sourceDevices());
        } else if (parameters instanceof RecoveryParameters p) {
            writeRecovery(out, p);
        } else if (parameters instanceof ReplicationChangeParameters p) {
            out.leaf("ArrayId", p.arrayId()).leaf("PeerArrayId", p.peerArrayId());
            writeSettingsItems(out, "ConsistencyGroups", "ConsistencyGroup", p.consistencyGroups());
            writeSettingsItems(out, "Devices", "Device", p.devices());
        }
        out.end();
    }

    private static void writeSelection(XmlOut out, SourceOrTargetSelection s) {
        writeRefs(out, "ConsistencyGroups", "ConsistencyGroup", "id", s.consistencyGroups());
        writeRefs(out, "SourceDevices", "SourceDevice", "id", s.sourceDevices());
        writeRefs(out, "TargetGroups", "TargetGroup", "key", s.targetGroups());
        writeRefs(out, "TargetDevices", "TargetDevice", "key", s.targetDevices());
    }

    private static void writeRefs(XmlOut out, String wrapper, String item, String attr, List<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        out.start(wrapper);
        for (String ref : refs) {
            out.empty(item).attr(attr, ref);
        }
        out.end();
    }

    private static void writeSyncRefs(XmlOut out, String wrapper, String item, String attr, List<SyncRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        out.start(wrapper);
        for (SyncRef ref : refs) {
            out.empty(item).attr(attr, ref.ref()).attr("syncId", ref.syncId());
        }
        out.end();
    }

    private static void writeAccessGroupIds(XmlOut out, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        out.start("AccessGroups");
        for (String id : ids) {
            out.empty("AccessGroup").attr("id", id);
        }
        out.end();
    }

    private static void writeRecovery(XmlOut out, RecoveryParameters p) {
        out.leaf("ArrayId", p.arrayId());
        if (!p.accessGroups().isEmpty()) {
            out.start("AccessGroups");
            for (AccessGroup g : p.accessGroups()) {
                out.start("AccessGroup").attr("id", g.id());
                g.initiators().forEach(i -> ModelXml.writeInitiator(out, i));
                out.end();
            }
            out.end();
        }
        if (!p.targetGroups().isEmpty()) {
            out.start("TargetGroups");
            for (TargetGroupRequest g : p.targetGroups()) {
                if (g.recoveryPoint().isEmpty() && g.devices().isEmpty()) {
                    out.empty("TargetGroup").attr("key", g.key());
                    continue;
                }
                out.start("TargetGroup").attr("key", g.key());
                g.recoveryPoint().ifPresent(rp -> out.empty("RecoveryPoint").attr("id", rp));
                if (!g.devices().isEmpty()) {
                    out.start("TargetDevices");
                    for (DeviceAccess d : g.devices()) {
                        out.start("TargetDevice").attr("key", d.key());
                        writeAccessGroupIds(out, d.accessGroups());
                        out.end();
                    }
                    out.end();
                }
                out.end();
            }
            out.end();
        }
        if (!p.targetDevices().isEmpty()) {
            out.start("TargetDevices");
            for (TargetDeviceRequest d : p.targetDevices()) {
                if (d.accessGroups().isEmpty() && d.recoveryPoint().isEmpty()) {
                    out.empty("TargetDevice").attr("key", d.key());
                    continue;
                }
                out.start("TargetDevice").attr("key", d.key());
                writeAccessGroupIds(out, d.accessGroups());
                d.recoveryPoint().ifPresent(rp -> out.empty("RecoveryPoint").attr("id", rp));
                out.end();
            }
            out.end();
        }
    }

    private static void writeSettingsItems(XmlOut out, String wrapper, String item, List<SettingsItem> items) {
        if (items.isEmpty()) {
            return;
        }
        out.start(wrapper);
        for (SettingsItem i : items) {
            if (i.settings().isEmpty()) {
                out.empty(item).attr("id", i.id());
                continue;
            }
            out.start(item).attr("id", i.id());
            i.settings().ifPresent(s -> out.fragment(s.xml()));
            out.end();
        }
        out.end();
    }
}
