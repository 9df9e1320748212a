package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import org.opensra.protocol.model.CustomProperty;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.model.StorageArray;
import org.opensra.protocol.result.Arrays;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.protocol.result.ReplicatedDevices;
import org.opensra.protocol.result.ReplicationSettingsResults;

/**
 * Results of discoverArrays, discoverDevices, queryReplicationSettings, queryDeviceDetails, queryRecoveryPoints (Tables 6-10), both directions.
 */
final class DiscoveryResultsXml {
    private DiscoveryResultsXml() {
    }

    static void writeArrays(XmlOut out, Arrays r) {
        out.start("Arrays");
        for (StorageArray a : r.arrays()) {
            out.start("Array").attr("id", a.id());
            out.leaf("Name", a.name());
            ModelXml.writeModel(out, "Model", a.model());
            ModelXml.writeSoftware(out, a.replicationSoftware());
            out.start("PeerArrays");
            for (String peer : a.peerArrays()) {
                out.empty("PeerArray").attr("id", peer);
            }
            out.end();
            out.end();
        }
        out.end();
    }

    static void writeDevices(XmlOut out, ReplicatedDevices r) {
        out.start("ReplicatedDevices");
        if (!r.consistencyGroups().isEmpty()) {
            out.start("ConsistencyGroups");
            r.consistencyGroups().forEach(g -> ModelXml.writeConsistencyGroup(out, g));
            out.end();
        }
        if (!r.targetGroups().isEmpty()) {
            out.start("TargetGroups");
            r.targetGroups().forEach(g -> ModelXml.writeTargetGroup(out, g));
            out.end();
        }
        if (!r.sourceDevices().isEmpty()) {
            out.start("SourceDevices");
            r.sourceDevices().forEach(d -> ModelXml.writeSourceDevice(out, d));
            out.end();
        }
        if (!r.targetDevices().isEmpty()) {
            out.start("TargetDevices");
            r.targetDevices().forEach(d -> ModelXml.writeTargetDevice(out, d));
            out.end();
        }
        ModelXml.writeInitiatorGroups(out, r.initiatorGroups());
        ModelXml.writeStoragePorts(out, r.storagePorts());
        out.end();
    }

    static void writeSettings(XmlOut out, ReplicationSettingsResults r) {
        out.start("ReplicationSettings");
        ItemsXml.write(out, "ConsistencyGroups", "ConsistencyGroup", "id", r.consistencyGroups(),
                DiscoveryResultsXml::writeSettingsValue);
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(),
                DiscoveryResultsXml::writeSettingsValue);
        ItemsXml.write(out, "SourceDevices", "SourceDevice", "id", r.sourceDevices(),
                DiscoveryResultsXml::writeSettingsValue);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                DiscoveryResultsXml::writeSettingsValue);
        out.end();
    }

    private static void writeSettingsValue(XmlOut out, ReplicationSettings s) {
        out.fragment(s.xml());
    }

    static void writeDetails(XmlOut out, DeviceDetails r) {
        out.start("DeviceDetails");
        ItemsXml.write(out, "Devices", "Device", "id", r.devices(), (o, props) -> {
            o.start("CustomProperties");
            for (CustomProperty p : props) {
                o.empty("CustomProperty").attr("name", p.name()).attr("value", p.value());
            }
            o.end();
        });
        out.end();
    }

    static void writeRecoveryPoints(XmlOut out, RecoveryPointsResults r) {
        out.start("QueryRecoveryPointsResults");
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(),
                DiscoveryResultsXml::writeRecoveryPointList);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                DiscoveryResultsXml::writeRecoveryPointList);
        out.end();
    }

    private static void writeRecoveryPointList(XmlOut out, List<RecoveryPoint> points) {
        out.start("RecoveryPoints");
        points.forEach(rp -> ModelXml.writeRecoveryPoint(out, rp));
        out.end();
    }

    static Arrays readArrays(XmlNode n) {
        List<StorageArray> arrays = new ArrayList<>();
        for (XmlNode a : n.children("Array")) {
            arrays.add(new StorageArray(a.requiredAttribute("id"), a.childText("Name"),
                    ModelXml.readModel(a.requiredChild("Model")), ModelXml.readSoftware(a.requiredChild("ReplicationSoftware")),
                    a.list("PeerArrays", "PeerArray").stream().map(p -> p.requiredAttribute("id")).toList()));
        }
        return new Arrays(arrays);
    }

    static ReplicatedDevices readDevices(XmlNode n) {
        return new ReplicatedDevices(
                n.list("ConsistencyGroups", "ConsistencyGroup").stream().map(ModelXml::readConsistencyGroup).toList(),
                n.list("TargetGroups", "TargetGroup").stream().map(ModelXml::readTargetGroup).toList(),
                n.list("SourceDevices", "SourceDevice").stream().map(ModelXml::readSourceDevice).toList(),
                n.list("TargetDevices", "TargetDevice").stream().map(ModelXml::readTargetDevice).toList(),
                ModelXml.readInitiatorGroups(n), ModelXml.readStoragePorts(n));
    }

    private static ReplicationSettings readSettingsValue(XmlNode item) {
        XmlNode settings = item.requiredChild("ReplicationSettings");
        return new ReplicationSettings(settings.rawXml().orElseThrow(() -> new XmlContentException(
                "ReplicationSettings of <" + item.name() + "> could not be kept verbatim")));
    }

    static ReplicationSettingsResults readSettings(XmlNode n) {
        return new ReplicationSettingsResults(
                ItemsXml.read(n, "ConsistencyGroups", "ConsistencyGroup", "id", DiscoveryResultsXml::readSettingsValue),
                ItemsXml.read(n, "SourceDevices", "SourceDevice", "id", DiscoveryResultsXml::readSettingsValue),
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", DiscoveryResultsXml::readSettingsValue),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", DiscoveryResultsXml::readSettingsValue));
    }

    static DeviceDetails readDetails(XmlNode n) {
        // Table 9: DeviceDetails > Devices > Device; the spec's example puts Device directly under DeviceDetails
        List<XmlNode> devices = new ArrayList<>(n.list("Devices", "Device"));
        devices.addAll(n.children("Device"));
        return new DeviceDetails(ItemsXml.read(devices, "id", d ->
                d.list("CustomProperties", "CustomProperty").stream()
                        .map(p -> new CustomProperty(p.requiredAttribute("name"), p.attribute("value").orElse("")))
                        .toList()));
    }

    private static List<RecoveryPoint> readRecoveryPointList(XmlNode item) {
        return item.list("RecoveryPoints", "RecoveryPoint").stream().map(ModelXml::readRecoveryPoint).toList();
    }

    static RecoveryPointsResults readRecoveryPoints(XmlNode n) {
        return new RecoveryPointsResults(
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", DiscoveryResultsXml::readRecoveryPointList),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", DiscoveryResultsXml::readRecoveryPointList));
    }
}
