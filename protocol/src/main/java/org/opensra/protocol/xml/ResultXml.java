package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.ConnectionDefinition;
import org.opensra.protocol.model.CustomProperty;
import org.opensra.protocol.model.CustomPropertyDefinition;
import org.opensra.protocol.model.DeviceIdentification;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.model.ExecutionLocation;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.MessageDefinition;
import org.opensra.protocol.model.ParameterDefinition;
import org.opensra.protocol.model.PromotedDevice;
import org.opensra.protocol.model.PromotedGroup;
import org.opensra.protocol.model.PromotedGroupDevice;
import org.opensra.protocol.model.Prompt;
import org.opensra.protocol.model.Protocol;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.model.StorageArray;
import org.opensra.protocol.model.SyncStatus;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.protocol.result.AdapterConnectionParameters;
import org.opensra.protocol.result.AdapterInfo;
import org.opensra.protocol.result.Arrays;
import org.opensra.protocol.result.CommandResult;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.protocol.result.ErrorDefinitions;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.RecoveryPointsResults;
import org.opensra.protocol.result.ReplicatedDevices;
import org.opensra.protocol.result.ReplicationSettingsResults;
import org.opensra.protocol.result.Strings;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;
import org.opensra.protocol.result.SyncResults;
import org.opensra.protocol.result.TestFailoverStartResults;

/** The result elements of the 22 commands, both directions, with the tables' element names. */
public final class ResultXml {
    private ResultXml() {
    }

    // ===================================================================== writing

    public static void write(XmlOut out, CommandResult result) {
        if (result instanceof AdapterInfo r) {
            writeInfo(out, r);
        } else if (result instanceof Strings r) {
            writeStrings(out, r);
        } else if (result instanceof ErrorDefinitions r) {
            writeDefinitions(out, r);
        } else if (result instanceof AdapterCapabilities r) {
            writeCapabilities(out, r);
        } else if (result instanceof AdapterConnectionParameters r) {
            writeConnectionParameters(out, r);
        } else if (result instanceof Arrays r) {
            writeArrays(out, r);
        } else if (result instanceof ReplicatedDevices r) {
            writeDevices(out, r);
        } else if (result instanceof ReplicationSettingsResults r) {
            writeSettings(out, r);
        } else if (result instanceof DeviceDetails r) {
            writeDetails(out, r);
        } else if (result instanceof RecoveryPointsResults r) {
            writeRecoveryPoints(out, r);
        } else if (result instanceof SyncResults r) {
            writeSync(out, r);
        } else if (result instanceof SuccessResults r) {
            writeSuccess(out, r);
        } else if (result instanceof TestFailoverStartResults r) {
            writeTestFailover(out, r);
        } else if (result instanceof FailoverResults r) {
            writeFailover(out, r);
        } else {
            throw new IllegalArgumentException("unknown result " + result);
        }
    }

    private static void writeInfo(XmlOut out, AdapterInfo r) {
        out.start("AdapterInfo");
        ModelXml.writeText(out, "Name", r.name());
        out.leaf("Version", r.version());
        ModelXml.writeText(out, "Vendor", r.vendor());
        out.leaf("Uuid", r.uuid());
        out.leaf("HelpUrl", r.helpUrl());
        out.end();
    }

    private static void writeStrings(XmlOut out, Strings r) {
        out.start("Strings").attr("locale", r.locale());
        for (Strings.Entry e : r.strings()) {
            out.leaf("String", "id", Optional.of(e.id()), e.text());
        }
        out.end();
    }

    private static void writeDefinitions(XmlOut out, ErrorDefinitions r) {
        writeDefinitionList(out, "ErrorDefinitions", "ErrorDefinition", r.errors());
        writeDefinitionList(out, "WarningDefinitions", "WarningDefinition", r.warnings());
    }

    private static void writeDefinitionList(XmlOut out, String wrapper, String item, List<MessageDefinition> defs) {
        if (defs.isEmpty()) {
            return;
        }
        out.start(wrapper);
        for (MessageDefinition d : defs) {
            out.start(item).attr("code", Integer.toString(d.code()));
            ModelXml.writeText(out, "Description", d.description());
            ModelXml.writeText(out, "FixHint", d.fixHint());
            out.end();
        }
        out.end();
    }

    private static void writeCapabilities(XmlOut out, AdapterCapabilities r) {
        out.start("AdapterCapabilities");
        out.start("ReplicationSoftwares");
        for (ReplicationSoftware s : r.replicationSoftwares()) {
            writeSoftware(out, s);
        }
        out.end();
        out.start("ArrayModels");
        for (ArrayModel m : r.arrayModels()) {
            writeModel(out, "ArrayModel", m);
        }
        out.end();
        writeFeatures(out, r.features());
        out.start("Commands");
        for (CommandCapability c : r.commands()) {
            writeCommandCapability(out, c);
        }
        out.end();
        out.end();
    }

    private static void writeSoftware(XmlOut out, ReplicationSoftware s) {
        out.start("ReplicationSoftware").leaf("Name", s.name()).leaf("Version", s.version()).end();
    }

    private static void writeModel(XmlOut out, String element, ArrayModel m) {
        out.start(element).leaf("Name", m.name());
        ModelXml.writeText(out, "Vendor", m.vendor());
        out.end();
    }

    private static void writeFeatures(XmlOut out, Features f) {
        out.start("Features");
        if (f.multiArrayDiscovery()) {
            out.empty("MultiArrayDiscovery");
        }
        if (f.consistencyGroups()) {
            out.empty("ConsistencyGroups");
        }
        if (f.dynamicAccessRestriction()) {
            out.empty("DynamicAccessRestriction");
        }
        out.leaf("DeviceIdentification", f.deviceIdentification().map(DeviceIdentification::wireName));
        out.start("Protocols");
        for (Protocol p : f.protocols()) {
            out.leaf("Protocol", p.wireName());
        }
        out.end();
        f.snapshotNamePattern().ifPresent(p -> out.start("VmImageConsistency").leaf("SnapshotNamePattern", p).end());
        if (f.oneLunPerIScsiTarget()) {
            out.empty("OneLunPerIScsiTarget");
        }
        out.end();
    }

    private static void writeCommandCapability(XmlOut out, CommandCapability c) {
        boolean hasContent = !c.locales().isEmpty() || c.executionLocation().isPresent()
                || !c.customProperties().isEmpty();
        if (!hasContent) {
            out.empty("Command").attr("name", c.name().wireName());
            return;
        }
        out.start("Command").attr("name", c.name().wireName());
        if (!c.locales().isEmpty()) {
            out.start("Locales");
            for (String locale : c.locales()) {
                out.empty("Locale").attr("id", locale);
            }
            out.end();
        }
        out.leaf("ExecutionLocation", c.executionLocation().map(ExecutionLocation::wireName));
        if (!c.customProperties().isEmpty()) {
            out.start("CustomProperties");
            for (CustomPropertyDefinition p : c.customProperties()) {
                out.leafWithAttributes("CustomProperty", p.label().text(), "name", Optional.of(p.name()),
                        "stringId", p.label().stringId());
            }
            out.end();
        }
        out.end();
    }

    private static void writeConnectionParameters(XmlOut out, AdapterConnectionParameters r) {
        out.start("AdapterConnectionParameters");
        for (ConnectionDefinition c : r.connections()) {
            out.start("Connection").attr("id", c.id());
            writePrompt(out, c.prompt());
            out.start("Addresses");
            for (ParameterDefinition a : c.addresses()) {
                out.start("Address").attr("id", a.id());
                writePrompt(out, a.prompt());
                out.end();
            }
            out.end();
            c.username().ifPresent(p -> {
                out.start("Username");
                writePrompt(out, p);
                out.end();
            });
            c.password().ifPresent(p -> {
                out.start("Password");
                writePrompt(out, p);
                out.end();
            });
            if (!c.opaques().isEmpty()) {
                out.start("Opaques");
                for (ParameterDefinition o : c.opaques()) {
                    out.start("Opaque").attr("id", o.id());
                    if (o.optional()) {
                        out.attr("optional", "true");
                    }
                    writePrompt(out, o.prompt());
                    out.end();
                }
                out.end();
            }
            out.end();
        }
        out.end();
    }

    private static void writePrompt(XmlOut out, Prompt p) {
        ModelXml.writeText(out, "Title", p.title());
        ModelXml.writeText(out, "Hint", p.hint());
    }

    private static void writeArrays(XmlOut out, Arrays r) {
        out.start("Arrays");
        for (StorageArray a : r.arrays()) {
            out.start("Array").attr("id", a.id());
            out.leaf("Name", a.name());
            writeModel(out, "Model", a.model());
            writeSoftware(out, a.replicationSoftware());
            out.start("PeerArrays");
            for (String peer : a.peerArrays()) {
                out.empty("PeerArray").attr("id", peer);
            }
            out.end();
            out.end();
        }
        out.end();
    }

    private static void writeDevices(XmlOut out, ReplicatedDevices r) {
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

    private static void writeSettings(XmlOut out, ReplicationSettingsResults r) {
        out.start("ReplicationSettings");
        ItemsXml.write(out, "ConsistencyGroups", "ConsistencyGroup", "id", r.consistencyGroups(),
                ResultXml::writeSettingsValue);
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ResultXml::writeSettingsValue);
        ItemsXml.write(out, "SourceDevices", "SourceDevice", "id", r.sourceDevices(), ResultXml::writeSettingsValue);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(), ResultXml::writeSettingsValue);
        out.end();
    }

    private static void writeSettingsValue(XmlOut out, ReplicationSettings s) {
        out.fragment(s.xml());
    }

    private static void writeDetails(XmlOut out, DeviceDetails r) {
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

    private static void writeRecoveryPoints(XmlOut out, RecoveryPointsResults r) {
        out.start("QueryRecoveryPointsResults");
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ResultXml::writeRecoveryPointList);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                ResultXml::writeRecoveryPointList);
        out.end();
    }

    private static void writeRecoveryPointList(XmlOut out, List<RecoveryPoint> points) {
        out.start("RecoveryPoints");
        points.forEach(rp -> ModelXml.writeRecoveryPoint(out, rp));
        out.end();
    }

    private static void writeSync(XmlOut out, SyncResults r) {
        out.start(r.command().resultsElement());
        ItemsXml.write(out, "ConsistencyGroups", "ConsistencyGroup", "id", r.consistencyGroups(),
                ResultXml::writeDeviceSync);
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ResultXml::writeDeviceSync);
        ItemsXml.write(out, "SourceDevices", "SourceDevice", "id", r.sourceDevices(), ResultXml::writeDeviceSync);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(), ResultXml::writeDeviceSync);
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

    private static void writeSuccess(XmlOut out, SuccessResults r) {
        out.start(r.command().resultsElement());
        ItemsXml.write(out, "ConsistencyGroups", "ConsistencyGroup", "id", r.consistencyGroups(),
                ResultXml::writeSuccessValue);
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ResultXml::writeSuccessValue);
        ItemsXml.write(out, "SourceDevices", "SourceDevice", "id", r.sourceDevices(), ResultXml::writeSuccessValue);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(), ResultXml::writeSuccessValue);
        ItemsXml.write(out, "Devices", "Device", "id", r.devices(), ResultXml::writeSuccessValue);
        out.end();
    }

    private static void writeSuccessValue(XmlOut out, Success success) {
        out.empty("Success");
    }

    private static void writeTestFailover(XmlOut out, TestFailoverStartResults r) {
        out.start("TestFailoverStartResults");
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ModelXml::writeGroupSnapshot);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(), ModelXml::writeSnapshot);
        ModelXml.writeInitiatorGroups(out, r.initiatorGroups());
        ModelXml.writeStoragePorts(out, r.storagePorts());
        out.end();
    }

    private static void writeFailover(XmlOut out, FailoverResults r) {
        out.start("FailoverResults");
        ItemsXml.write(out, "TargetGroups", "TargetGroup", "key", r.targetGroups(), ResultXml::writePromotedGroup);
        ItemsXml.write(out, "TargetDevices", "TargetDevice", "key", r.targetDevices(),
                ResultXml::writePromotedDevice);
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

    // ===================================================================== reading

    /** Reads the result element {@code node}, whose name tells the command. */
    public static CommandResult read(XmlNode response, CommandName command) {
        switch (command) {
            case QUERY_INFO:
                return readInfo(response.requiredChild("AdapterInfo"));
            case QUERY_STRINGS:
                return readStrings(response.requiredChild("Strings"));
            case QUERY_ERROR_DEFINITIONS:
                return new ErrorDefinitions(readDefinitions(response, "ErrorDefinitions", "ErrorDefinition"),
                        readDefinitions(response, "WarningDefinitions", "WarningDefinition"));
            case QUERY_CAPABILITIES:
                return readCapabilities(response.requiredChild("AdapterCapabilities"));
            case QUERY_CONNECTION_PARAMETERS:
                return readConnectionParameters(response.requiredChild("AdapterConnectionParameters"));
            case DISCOVER_ARRAYS:
                return readArrays(response.requiredChild("Arrays"));
            case DISCOVER_DEVICES:
                return readDevices(response.requiredChild("ReplicatedDevices"));
            case QUERY_REPLICATION_SETTINGS:
                return readSettings(response.requiredChild("ReplicationSettings"));
            case QUERY_DEVICE_DETAILS:
                return readDetails(response.requiredChild("DeviceDetails"));
            case QUERY_RECOVERY_POINTS:
                return readRecoveryPoints(response.requiredChild("QueryRecoveryPointsResults"));
            case SYNC_ONCE:
            case QUERY_SYNC_STATUS:
                return readSync(response.requiredChild(command.resultsElement()), command);
            case TEST_FAILOVER_START:
                return readTestFailover(response.requiredChild("TestFailoverStartResults"));
            case FAILOVER:
                return readFailover(response.requiredChild("FailoverResults"));
            default:
                return readSuccess(response.requiredChild(command.resultsElement()), command);
        }
    }

    private static AdapterInfo readInfo(XmlNode n) {
        return new AdapterInfo(ModelXml.requiredText(n, "Name"), n.requiredChildText("Version"),
                ModelXml.requiredText(n, "Vendor"), n.requiredChildText("Uuid"), n.childText("HelpUrl"));
    }

    private static Strings readStrings(XmlNode n) {
        List<Strings.Entry> entries = new ArrayList<>();
        for (XmlNode s : n.children("String")) {
            entries.add(new Strings.Entry(s.requiredAttribute("id"), s.text()));
        }
        return new Strings(n.requiredAttribute("locale"), entries);
    }

    private static List<MessageDefinition> readDefinitions(XmlNode response, String wrapper, String item) {
        List<MessageDefinition> defs = new ArrayList<>();
        for (XmlNode d : response.list(wrapper, item)) {
            defs.add(new MessageDefinition(Numbers.parseInt(d.requiredAttribute("code"), "code of <" + item + ">"),
                    ModelXml.requiredText(d, "Description"), ModelXml.requiredText(d, "FixHint")));
        }
        return defs;
    }

    private static ReplicationSoftware readSoftware(XmlNode n) {
        return new ReplicationSoftware(n.requiredChildText("Name"), n.requiredChildText("Version"));
    }

    private static ArrayModel readModel(XmlNode n) {
        return new ArrayModel(n.requiredChildText("Name"), ModelXml.requiredText(n, "Vendor"));
    }

    private static AdapterCapabilities readCapabilities(XmlNode n) {
        List<ReplicationSoftware> softwares = n.list("ReplicationSoftwares", "ReplicationSoftware").stream()
                .map(ResultXml::readSoftware).toList();
        List<ArrayModel> models = n.list("ArrayModels", "ArrayModel").stream().map(ResultXml::readModel).toList();
        List<CommandCapability> commands = new ArrayList<>();
        for (XmlNode c : n.list("Commands", "Command")) {
            commands.add(readCommandCapability(c));
        }
        return new AdapterCapabilities(softwares, models, readFeatures(n.requiredChild("Features")), commands);
    }

    private static Features readFeatures(XmlNode f) {
        List<Protocol> protocols = new ArrayList<>();
        for (XmlNode p : f.list("Protocols", "Protocol")) {
            protocols.add(Protocol.fromWire(p.text()).orElseThrow(() -> new XmlContentException(
                    "Protocol must be FC, iSCSI, NFS or Datastore, not '" + p.text() + "'")));
        }
        Optional<DeviceIdentification> identification = f.childText("DeviceIdentification").map(
                v -> DeviceIdentification.fromWire(v).orElseThrow(() -> new XmlContentException(
                        "unknown DeviceIdentification '" + v + "'")));
        return new Features(f.has("MultiArrayDiscovery"), f.has("ConsistencyGroups"), f.has("DynamicAccessRestriction"),
                identification, protocols,
                f.child("VmImageConsistency").map(v -> v.requiredChildText("SnapshotNamePattern")),
                f.has("OneLunPerIScsiTarget", "OneLunPerIscsiTarget"));
    }

    private static CommandCapability readCommandCapability(XmlNode c) {
        String name = c.attribute("name").or(() -> c.childText("Name")).orElseThrow(() ->
                new XmlContentException("a capabilities <Command> needs a name"));
        CommandName command = CommandName.fromWire(name).orElseThrow(() ->
                new XmlContentException("unknown command in capabilities: '" + name + "'"));
        List<String> locales = c.list("Locales", "Locale").stream().map(l -> l.requiredAttribute("id")).toList();
        Optional<ExecutionLocation> location = c.childText("ExecutionLocation").map(v ->
                ExecutionLocation.fromWire(v).orElseThrow(() -> new XmlContentException(
                        "ExecutionLocation must be source or target, not '" + v + "'")));
        List<CustomPropertyDefinition> props = c.list("CustomProperties", "CustomProperty").stream()
                .map(p -> new CustomPropertyDefinition(p.requiredAttribute("name"), ModelXml.readText(p))).toList();
        return new CommandCapability(command, locales, location, props);
    }

    private static AdapterConnectionParameters readConnectionParameters(XmlNode n) {
        List<ConnectionDefinition> connections = new ArrayList<>();
        for (XmlNode c : n.children("Connection")) {
            List<ParameterDefinition> addresses = c.list("Addresses", "Address").stream()
                    .map(a -> ParameterDefinition.required(a.requiredAttribute("id"), readPrompt(a))).toList();
            List<ParameterDefinition> opaques = new ArrayList<>();
            for (XmlNode o : c.child("Opaques", "Opagues").map(w -> w.children("Opaque")).orElse(List.of())) {
                opaques.add(new ParameterDefinition(o.requiredAttribute("id"), readPrompt(o),
                        o.attribute("optional").map(v -> v.equalsIgnoreCase("true")).orElse(false)));
            }
            connections.add(new ConnectionDefinition(c.requiredAttribute("id"), readPrompt(c), addresses,
                    c.child("Username").map(ResultXml::readPrompt), c.child("Password").map(ResultXml::readPrompt),
                    opaques));
        }
        return new AdapterConnectionParameters(connections);
    }

    private static Prompt readPrompt(XmlNode n) {
        return new Prompt(ModelXml.requiredText(n, "Title"), ModelXml.requiredText(n, "Hint"));
    }

    private static Arrays readArrays(XmlNode n) {
        List<StorageArray> arrays = new ArrayList<>();
        for (XmlNode a : n.children("Array")) {
            arrays.add(new StorageArray(a.requiredAttribute("id"), a.childText("Name"),
                    readModel(a.requiredChild("Model")), readSoftware(a.requiredChild("ReplicationSoftware")),
                    a.list("PeerArrays", "PeerArray").stream().map(p -> p.requiredAttribute("id")).toList()));
        }
        return new Arrays(arrays);
    }

    private static ReplicatedDevices readDevices(XmlNode n) {
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

    private static ReplicationSettingsResults readSettings(XmlNode n) {
        return new ReplicationSettingsResults(
                ItemsXml.read(n, "ConsistencyGroups", "ConsistencyGroup", "id", ResultXml::readSettingsValue),
                ItemsXml.read(n, "SourceDevices", "SourceDevice", "id", ResultXml::readSettingsValue),
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", ResultXml::readSettingsValue),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", ResultXml::readSettingsValue));
    }

    private static DeviceDetails readDetails(XmlNode n) {
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

    private static RecoveryPointsResults readRecoveryPoints(XmlNode n) {
        return new RecoveryPointsResults(
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", ResultXml::readRecoveryPointList),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", ResultXml::readRecoveryPointList));
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

    private static SyncResults readSync(XmlNode n, CommandName command) {
        return new SyncResults(command,
                ItemsXml.read(n, "ConsistencyGroups", "ConsistencyGroup", "id", ResultXml::readDeviceSync),
                ItemsXml.read(n, "SourceDevices", "SourceDevice", "id", ResultXml::readDeviceSync),
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", ResultXml::readDeviceSync),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", ResultXml::readDeviceSync));
    }

    private static Success readSuccessValue(XmlNode item) {
        item.requiredChild("Success");
        return Success.SUCCESS;
    }

    private static SuccessResults readSuccess(XmlNode n, CommandName command) {
        return new SuccessResults(command,
                ItemsXml.read(n, "ConsistencyGroups", "ConsistencyGroup", "id", ResultXml::readSuccessValue),
                ItemsXml.read(n, "SourceDevices", "SourceDevice", "id", ResultXml::readSuccessValue),
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", ResultXml::readSuccessValue),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", ResultXml::readSuccessValue),
                ItemsXml.read(n, "Devices", "Device", "id", ResultXml::readSuccessValue));
    }

    private static TestFailoverStartResults readTestFailover(XmlNode n) {
        return new TestFailoverStartResults(
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key",
                        item -> ModelXml.readGroupSnapshot(item.requiredChild("Snapshot"))),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key",
                        item -> ModelXml.readSnapshot(item.requiredChild("Snapshot"))),
                ModelXml.readInitiatorGroups(n), ModelXml.readStoragePorts(n));
    }

    private static FailoverResults readFailover(XmlNode n) {
        return new FailoverResults(
                ItemsXml.read(n, "TargetGroups", "TargetGroup", "key", ResultXml::readPromotedGroup),
                ItemsXml.read(n, "TargetDevices", "TargetDevice", "key", ResultXml::readPromotedDevice),
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
