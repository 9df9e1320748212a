package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.ConsistencyGroup;
import org.opensra.protocol.model.DeviceState;
import org.opensra.protocol.model.GroupSnapshot;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.LocalizedText;
import org.opensra.protocol.model.Lun;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.model.Promotion;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.model.Snapshot;
import org.opensra.protocol.model.SnapshotDevice;
import org.opensra.protocol.model.SourceDevice;
import org.opensra.protocol.model.StoragePort;
import org.opensra.protocol.model.TargetDevice;
import org.opensra.protocol.model.TargetGroup;

/** XML form of the values shared by several commands (Tables 7, 8, 10, 11). */
public final class ModelXml {
    private ModelXml() {
    }

    // ---- localisable text ----

    public static void writeText(XmlOut out, String element, LocalizedText text) {
        out.leaf(element, "stringId", text.stringId(), text.text());
    }

    public static LocalizedText readText(XmlNode node) {
        return new LocalizedText(node.text(), node.attribute("stringId"));
    }

    public static LocalizedText requiredText(XmlNode parent, String element) {
        return readText(parent.requiredChild(element));
    }

    // ---- identity ----

    public static void writeIdentity(XmlOut out, Optional<Identity> identity) {
        identity.ifPresent(i -> writeIdentity(out, i));
    }

    public static void writeIdentity(XmlOut out, Identity identity) {
        out.start("Identity");
        if (identity instanceof Identity.Wwn w) {
            out.leaf("Wwn", w.value());
        } else if (identity instanceof Identity.Luns l) {
            for (Lun lun : l.luns()) {
                out.leafWithAttributes("Lun", Long.toString(lun.number()), "initiatorGroupId",
                        lun.initiatorGroupId(), "target", lun.target());
            }
        } else if (identity instanceof Identity.NfsName n) {
            out.leaf("NfsName", n.value());
        } else if (identity instanceof Identity.DatastoreMoId d) {
            out.leaf("DatastoreMoId", d.value());
        }
        out.end();
    }

    public static Optional<Identity> readIdentity(XmlNode parent) {
        return parent.child("Identity").map(ModelXml::identity);
    }

    private static Identity identity(XmlNode node) {
        if (node.has("Wwn")) {
            return new Identity.Wwn(node.requiredChildText("Wwn"));
        }
        if (node.has("Lun")) {
            List<Lun> luns = new ArrayList<>();
            for (XmlNode lun : node.children("Lun")) {
                luns.add(new Lun(Numbers.parseLong(lun.text(), "Lun"), lun.attribute("initiatorGroupId"),
                        lun.attribute("target")));
            }
            return new Identity.Luns(luns);
        }
        if (node.has("NfsName")) {
            return new Identity.NfsName(node.requiredChildText("NfsName"));
        }
        if (node.has("DatastoreMoId")) {
            return new Identity.DatastoreMoId(node.requiredChildText("DatastoreMoId"));
        }
        throw new XmlContentException("<Identity> needs Wwn, Lun, NfsName or DatastoreMoId");
    }

    // ---- recovery point ----

    public static void writeRecoveryPoint(XmlOut out, RecoveryPoint rp) {
        out.start("RecoveryPoint").attr("id", rp.id());
        out.leaf("Name", rp.name());
        out.leaf("Time", rp.time());
        if (rp.vmImageConsistencyEnabled()) {
            out.empty("VmImageConsistencyEnabled");
        }
        out.end();
    }

    public static RecoveryPoint readRecoveryPoint(XmlNode node) {
        try {
            return new RecoveryPoint(node.requiredAttribute("id"), node.childText("Name"),
                    node.requiredChildText("Time"), node.has("VmImageConsistencyEnabled"));
        } catch (IllegalArgumentException e) {
            throw new XmlContentException(e.getMessage(), e);
        }
    }

    public static Optional<RecoveryPoint> readRecoveryPoint(XmlNode parent, String element) {
        return parent.child(element).map(ModelXml::readRecoveryPoint);
    }

    // ---- initiators and ports ----

    public static void writeInitiator(XmlOut out, Initiator initiator) {
        out.empty("Initiator").attr("type", initiator.type().wireName()).attr("id", initiator.id())
                .attr("chapName", initiator.chapName());
    }

    public static Initiator readInitiator(XmlNode node) {
        return new Initiator(portType(node), node.requiredAttribute("id"), node.attribute("chapName"));
    }

    private static PortType portType(XmlNode node) {
        String type = node.requiredAttribute("type");
        return PortType.fromWire(type).orElseThrow(() -> new XmlContentException(
                "type of <" + node.name() + "> must be FC, iSCSI, NFS or Host, not '" + type + "'"));
    }

    public static void writeInitiatorGroups(XmlOut out, List<InitiatorGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        out.start("InitiatorGroups");
        for (InitiatorGroup g : groups) {
            out.start("InitiatorGroup").attr("id", g.id());
            g.initiators().forEach(i -> writeInitiator(out, i));
            out.end();
        }
        out.end();
    }

    public static List<InitiatorGroup> readInitiatorGroups(XmlNode parent) {
        List<InitiatorGroup> groups = new ArrayList<>();
        for (XmlNode g : parent.list("InitiatorGroups", "InitiatorGroup")) {
            groups.add(new InitiatorGroup(g.requiredAttribute("id"),
                    g.children("Initiator").stream().map(ModelXml::readInitiator).toList()));
        }
        return groups;
    }

    public static void writeStoragePorts(XmlOut out, List<StoragePort> ports) {
        if (ports.isEmpty()) {
            return;
        }
        out.start("StoragePorts");
        for (StoragePort p : ports) {
            out.empty("StoragePort").attr("id", p.id()).attr("type", p.type().wireName());
        }
        out.end();
    }

    public static List<StoragePort> readStoragePorts(XmlNode parent) {
        List<StoragePort> ports = new ArrayList<>();
        for (XmlNode p : parent.list("StoragePorts", "StoragePort")) {
            ports.add(new StoragePort(p.requiredAttribute("id"), portType(p)));
        }
        return ports;
    }

    // ---- state, promotion ----

    public static DeviceState state(XmlNode node) {
        String value = node.requiredAttribute("state");
        return DeviceState.fromWire(value).orElseThrow(() -> new XmlContentException(
                "state of <" + node.name() + "> must be read-write or read-only, not '" + value + "'"));
    }

    public static void writePromotion(XmlOut out, Optional<Promotion> promotion) {
        promotion.ifPresent(p -> out.attr("id", p.id()).attr("state", p.state().wireName()));
    }

    /** id and state attributes of a promoted target; both or neither. */
    public static Optional<Promotion> readPromotion(XmlNode node) {
        Optional<String> id = node.attribute("id");
        Optional<String> state = node.attribute("state");
        if (id.isEmpty() && state.isEmpty()) {
            return Optional.empty();
        }
        if (id.isEmpty() || state.isEmpty()) {
            throw new XmlContentException("a promoted <" + node.name() + "> needs both id and state");
        }
        return Optional.of(new Promotion(id.get(), state(node)));
    }

    // ---- snapshots ----

    /** A device snapshot: Identity?, RecoveryPoint?. */
    public static void writeSnapshot(XmlOut out, Snapshot snapshot) {
        out.start("Snapshot").attr("id", snapshot.id());
        writeIdentity(out, snapshot.identity());
        snapshot.recoveryPoint().ifPresent(rp -> writeRecoveryPoint(out, rp));
        out.end();
    }

    public static Snapshot readSnapshot(XmlNode node) {
        return new Snapshot(node.requiredAttribute("id"), readIdentity(node),
                readRecoveryPoint(node, "RecoveryPoint"));
    }

    /** A group's test copy in a testFailoverStart result (Table 11): RecoveryPoint, TargetDevices. */
    public static void writeGroupSnapshot(XmlOut out, GroupSnapshot snapshot) {
        out.start("Snapshot").attr("id", snapshot.id());
        writeRecoveryPoint(out, snapshot.recoveryPoint());
        writeSnapshotDevices(out, snapshot);
        out.end();
    }

    /** A group's test copy as discoverDevices reports it (Table 8): TargetDevices, RecoveryPoint. */
    public static void writeDiscoveredGroupSnapshot(XmlOut out, GroupSnapshot snapshot) {
        out.start("Snapshot").attr("id", snapshot.id());
        writeSnapshotDevices(out, snapshot);
        writeRecoveryPoint(out, snapshot.recoveryPoint());
        out.end();
    }

    private static void writeSnapshotDevices(XmlOut out, GroupSnapshot snapshot) {
        if (!snapshot.devices().isEmpty()) {
            out.start("TargetDevices");
            for (SnapshotDevice d : snapshot.devices()) {
                out.start("TargetDevice").attr("key", d.key());
                writeSnapshot(out, d.snapshot());
                out.end();
            }
            out.end();
        }
    }

    public static GroupSnapshot readGroupSnapshot(XmlNode node) {
        List<SnapshotDevice> devices = new ArrayList<>();
        for (XmlNode d : node.list("TargetDevices", "TargetDevice")) {
            devices.add(new SnapshotDevice(d.requiredAttribute("key"), readSnapshot(d.requiredChild("Snapshot"))));
        }
        return new GroupSnapshot(node.requiredAttribute("id"), devices,
                readRecoveryPoint(node.requiredChild("RecoveryPoint")));
    }

    // ---- discovered devices (Table 8) ----

    public static void writeSourceDevice(XmlOut out, SourceDevice d) {
        out.start("SourceDevice").attr("id", d.id()).attr("state", d.state().wireName());
        out.leaf("Name", d.name());
        writeIdentity(out, d.identity());
        out.empty("TargetDevice").attr("key", d.targetKey());
        out.end();
    }

    public static SourceDevice readSourceDevice(XmlNode node) {
        return new SourceDevice(node.requiredAttribute("id"), state(node), node.childText("Name"),
                node.requiredChild("TargetDevice").requiredAttribute("key"), readIdentity(node));
    }

    public static void writeTargetDevice(XmlOut out, TargetDevice d) {
        out.start("TargetDevice").attr("key", d.key());
        writePromotion(out, d.promotion());
        out.leaf("Name", d.name());
        writeIdentity(out, d.identity());
        d.snapshot().ifPresent(s -> writeSnapshot(out, s));
        out.end();
    }

    public static TargetDevice readTargetDevice(XmlNode node) {
        return new TargetDevice(node.requiredAttribute("key"), node.childText("Name"), readPromotion(node),
                readIdentity(node), node.child("Snapshot").map(ModelXml::readSnapshot));
    }

    public static void writeConsistencyGroup(XmlOut out, ConsistencyGroup g) {
        out.start("ConsistencyGroup").attr("id", g.id()).attr("state", g.state().wireName());
        out.leaf("Name", g.name());
        out.empty("TargetGroup").attr("key", g.targetGroupKey());
        out.start("SourceDevices");
        g.sourceDevices().forEach(d -> writeSourceDevice(out, d));
        out.end();
        out.end();
    }

    /** Reads a ConsistencyGroup; the spec example's {@code <Target key>} is accepted for TargetGroup. */
    public static ConsistencyGroup readConsistencyGroup(XmlNode node) {
        XmlNode target = node.child("TargetGroup", "Target").orElseThrow(() -> new XmlContentException(
                "missing <TargetGroup> in <ConsistencyGroup id=\"" + node.attribute("id").orElse("") + "\">"));
        return new ConsistencyGroup(node.requiredAttribute("id"), state(node), node.childText("Name"),
                target.requiredAttribute("key"),
                node.list("SourceDevices", "SourceDevice").stream().map(ModelXml::readSourceDevice).toList());
    }

    public static void writeTargetGroup(XmlOut out, TargetGroup g) {
        out.start("TargetGroup").attr("key", g.key());
        writePromotion(out, g.promotion());
        out.leaf("Name", g.name());
        out.start("TargetDevices");
        g.targetDevices().forEach(d -> writeTargetDevice(out, d));
        out.end();
        g.snapshot().ifPresent(s -> writeDiscoveredGroupSnapshot(out, s));
        out.end();
    }

    public static TargetGroup readTargetGroup(XmlNode node) {
        return new TargetGroup(node.requiredAttribute("key"), node.childText("Name"), readPromotion(node),
                node.list("TargetDevices", "TargetDevice").stream().map(ModelXml::readTargetDevice).toList(),
                node.child("Snapshot").map(ModelXml::readGroupSnapshot));
    }

    // ---- array models and replication software (Tables 4, 6) ----

    public static void writeSoftware(XmlOut out, ReplicationSoftware s) {
        out.start("ReplicationSoftware").leaf("Name", s.name()).leaf("Version", s.version()).end();
    }

    public static void writeModel(XmlOut out, String element, ArrayModel m) {
        out.start(element).leaf("Name", m.name());
        ModelXml.writeText(out, "Vendor", m.vendor());
        out.end();
    }

    public static ReplicationSoftware readSoftware(XmlNode n) {
        return new ReplicationSoftware(n.requiredChildText("Name"), n.requiredChildText("Version"));
    }

    public static ArrayModel readModel(XmlNode n) {
        return new ArrayModel(n.requiredChildText("Name"), ModelXml.requiredText(n, "Vendor"));
    }
}
