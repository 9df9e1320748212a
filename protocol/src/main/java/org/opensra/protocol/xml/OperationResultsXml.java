package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.model.PromotedDevice;
import org.opensra.protocol.model.PromotedGroup;
import org.opensra.protocol.model.PromotedGroupDevice;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.protocol.result.SyncResults;
import org.opensra.protocol.result.TestFailoverStartResults;

/**
 * Results of the array operations: sync, per-item Success, testFailoverStart, failover (Tables 11-15), both directions.
 */
final class OperationResultsXml {
    private OperationResultsXml() {
    }

    static void writeSync(XmlOut out, SyncResults r) {
        out.start(r.command().resultsElement());
        ItemsXml.write(out, "ConsistencyGroups", "ConsistencyGroup", "id", r.consistencyGroups(),
                OperationResultsXml::writeDeviceSync);
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(),
                OperationResultsXml::writeDeviceSync);
        ItemsXml.write(out, "SourceDevices", "SourceDevice", "id", r.sourceDevices(),
                OperationResultsXml::writeDeviceSync);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                OperationResultsXml::writeDeviceSync);
        out.end();
    }

    private static void writeDeviceSync(XmlOut out, DeviceSync s) {
        if (s.progress().isEmpty() && s.remainingTimeEstimate().isEmpty()) {
            out.empty("DeviceSync").attr("id", s.id()).attr("status", s.status().wireName());
            return;
        }
        out.start("DeviceSync").attr("id", s.id()).attr("status", s.status().wireName());
        if (s.progress().isPresent()) {
            out.leaf("Progress", Integer.toString(s.progress().getAsInt()));
        }
        if (s.remainingTimeEstimate().isPresent()) {
            out.leaf("RemainingTimeEstimate", Long.toString(s.remainingTimeEstimate().getAsLong()));
        }
        out.end();
    }

    static void writeSuccess(XmlOut out, SuccessResults r) {
        out.start(r.command().resultsElement());
        ItemsXml.write(out, "ConsistencyGroups", "ConsistencyGroup", "id", r.consistencyGroups(),
                OperationResultsXml::writeSuccessValue);
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(),
                OperationResultsXml::writeSuccessValue);
        ItemsXml.write(out, "SourceDevices", "SourceDevice", "id", r.sourceDevices(),
                OperationResultsXml::writeSuccessValue);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                OperationResultsXml::writeSuccessValue);
        ItemsXml.write(out, "Devices", "Device", "id", r.devices(), OperationResultsXml::writeSuccessValue);
        out.end();
    }

    private static void writeSuccessValue(XmlOut out, Success success) {
        out.empty("Success");
    }

    static void writeTestFailover(XmlOut out, TestFailoverStartResults r) {
        out.start("TestFailoverStartResults");
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ModelXml::writeGroupSnapshot);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(), ModelXml::writeSnapshot);
        ModelXml.writeInitiatorGroups(out, r.initiatorGroups());
        ModelXml.writeStoragePorts(out, r.storagePorts());
        out.end();
    }

    static void writeFailover(XmlOut out, FailoverResults r) {
        out.start("FailoverResults");
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(),
                OperationResultsXml::writePromotedGroup);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                OperationResultsXml::writePromotedDevice);
        ModelXml.writeInitiatorGroups(out, r.initiatorGroups());
        ModelXml.writeStoragePorts(out, r.storagePorts());
        out.end();
    }

    private static void writePromotedGroup(XmlOut out, PromotedGroup g) {
        ModelXml.writePromotion(out, Optional.of(g.promotion()));
        ModelXml.writeRecoveryPoint(out, g.recoveryPoint());
        out.start("TargetDevices");
        for (PromotedGroupDevice d : g.devices()) {
            out.start("TargetDevice").attr("key", d.key());
            ModelXml.writePromotion(out, d.promotion());
            ModelXml.writeIdentity(out, d.identity());
            out.end();
        }
        out.end();
    }

    private static void writePromotedDevice(XmlOut out, PromotedDevice d) {
        ModelXml.writePromotion(out, Optional.of(d.promotion()));
        ModelXml.writeIdentity(out, d.identity());
        ModelXml.writeRecoveryPoint(out, d.recoveryPoint());
    }

    private static DeviceSync readDeviceSync(XmlNode item) {
        XmlNode s = item.requiredChild("DeviceSync");
        String status = s.requiredAttribute("status");
        OptionalInt progress = s.childText("Progress").map(v -> OptionalInt.of(Numbers.parseInt(v, "Progress")))
                .orElse(OptionalInt.empty());
        OptionalLong remaining = s.childText("RemainingTimeEstimate")
                .map(v -> OptionalLong.of(Numbers.parseLong(v, "RemainingTimeEstimate"))).orElse(OptionalLong.empty());
        try {
            return new DeviceSync(s.requiredAttribute("id"), SyncStatus.fromWire(status).orElseThrow(() ->
                    new XmlContentException("DeviceSync status must be inProgress or complete, not '" + status + "'")),
                    progress, remaining);
        } catch (IllegalArgumentException e) {
            throw new XmlContentException(e.getMessage(), e);
        }
    }

    static SyncResults readSync(XmlNode n, CommandName command) {
        return new SyncResults(command,
                ItemsXml.read(n, "ConsistencyGroups", "ConsistencyGroup", "id", OperationResultsXml::readDeviceSync),
                ItemsXml.read(n, "SourceDevices", "SourceDevice", "id", OperationResultsXml::readDeviceSync),
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", OperationResultsXml::readDeviceSync),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", OperationResultsXml::readDeviceSync));
    }

    private static Success readSuccessValue(XmlNode item) {
        item.requiredChild("Success");
        return Success.SUCCESS;
    }

    static SuccessResults readSuccess(XmlNode n, CommandName command) {
        return new SuccessResults(command,
                ItemsXml.read(n, "ConsistencyGroups", "ConsistencyGroup", "id", OperationResultsXml::readSuccessValue),
                ItemsXml.read(n, "SourceDevices", "SourceDevice", "id", OperationResultsXml::readSuccessValue),
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", OperationResultsXml::readSuccessValue),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", OperationResultsXml::readSuccessValue),
                ItemsXml.read(n, "Devices", "Device", "id", OperationResultsXml::readSuccessValue));
    }

    static TestFailoverStartResults readTestFailover(XmlNode n) {
        return new TestFailoverStartResults(
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key",
                        item -> ModelXml.readGroupSnapshot(item.requiredChild("Snapshot"))),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key",
                        item -> ModelXml.readSnapshot(item.requiredChild("Snapshot"))),
                ModelXml.readInitiatorGroups(n), ModelXml.readStoragePorts(n));
    }

    static FailoverResults readFailover(XmlNode n) {
        return new FailoverResults(
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", OperationResultsXml::readPromotedGroup),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", OperationResultsXml::readPromotedDevice),
                ModelXml.readInitiatorGroups(n), ModelXml.readStoragePorts(n));
    }

    private static PromotedGroup readPromotedGroup(XmlNode g) {
        List<PromotedGroupDevice> devices = new ArrayList<>();
        for (XmlNode d : g.list("TargetDevices", "TargetDevice")) {
            devices.add(new PromotedGroupDevice(d.requiredAttribute("key"), ModelXml.readPromotion(d),
                    ModelXml.readIdentity(d)));
        }
        return new PromotedGroup(requiredPromotion(g), ModelXml.readRecoveryPoint(g.requiredChild("RecoveryPoint")),
                devices);
    }

    private static PromotedDevice readPromotedDevice(XmlNode d) {
        return new PromotedDevice(requiredPromotion(d), ModelXml.readIdentity(d),
                ModelXml.readRecoveryPoint(d.requiredChild("RecoveryPoint")));
    }

    private static org.opensra.protocol.model.Promotion requiredPromotion(XmlNode n) {
        return ModelXml.readPromotion(n).orElseThrow(() -> new XmlContentException(
                "a failed-over <" + n.name() + " key=\"" + n.attribute("key").orElse("") + "\"> needs id and state"));
    }
}
