package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.ConnectionDefinition;
import org.opensra.protocol.model.CustomProperty;
import org.opensra.protocol.model.CustomPropertyDefinition;
import org.opensra.protocol.model.DeviceIdentification;
import org.opensra.protocol.model.ExecutionLocation;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.MessageDefinition;
import org.opensra.protocol.model.ParameterDefinition;
import org.opensra.protocol.model.Prompt;
import org.opensra.protocol.model.Protocol;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.protocol.result.AdapterConnectionParameters;
import org.opensra.protocol.result.AdapterInfo;
import org.opensra.protocol.result.ErrorDefinitions;
import org.opensra.protocol.result.Strings;

/**
 * Results of the five property commands (Tables 1-5), both directions.
 */
final class PropertyResultsXml {
    private PropertyResultsXml() {
    }

    static void writeInfo(XmlOut out, AdapterInfo r) {
        out.start("AdapterInfo");
        ModelXml.writeText(out, "Name", r.name());
        out.leaf("Version", r.version());
        ModelXml.writeText(out, "Vendor", r.vendor());
        out.leaf("Uuid", r.uuid());
        out.leaf("HelpUrl", r.helpUrl());
        out.end();
    }

    static void writeStrings(XmlOut out, Strings r) {
        out.start("Strings").attr("locale", r.locale());
        for (Strings.Entry e : r.strings()) {
            out.leaf("String", "id", Optional.of(e.id()), e.text());
        }
        out.end();
    }

    static void writeDefinitions(XmlOut out, ErrorDefinitions r) {
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

    static void writeCapabilities(XmlOut out, AdapterCapabilities r) {
        out.start("AdapterCapabilities");
        out.start("ReplicationSoftwares");
        for (ReplicationSoftware s : r.replicationSoftwares()) {
            ModelXml.writeSoftware(out, s);
        }
        out.end();
        out.start("ArrayModels");
        for (ArrayModel m : r.arrayModels()) {
            ModelXml.writeModel(out, "ArrayModel", m);
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

    static void writeConnectionParameters(XmlOut out, AdapterConnectionParameters r) {
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

    static AdapterInfo readInfo(XmlNode n) {
        return new AdapterInfo(ModelXml.requiredText(n, "Name"), n.requiredChildText("Version"),
                ModelXml.requiredText(n, "Vendor"), n.requiredChildText("Uuid"), n.childText("HelpUrl"));
    }

    static Strings readStrings(XmlNode n) {
        List<Strings.Entry> entries = new ArrayList<>();
        for (XmlNode s : n.children("String")) {
            entries.add(new Strings.Entry(s.requiredAttribute("id"), s.text()));
        }
        return new Strings(n.requiredAttribute("locale"), entries);
    }

    static List<MessageDefinition> readDefinitions(XmlNode response, String wrapper, String item) {
        List<MessageDefinition> defs = new ArrayList<>();
        for (XmlNode d : response.list(wrapper, item)) {
            defs.add(new MessageDefinition(Numbers.parseInt(d.requiredAttribute("code"), "code of <" + item + ">"),
                    ModelXml.requiredText(d, "Description"), ModelXml.requiredText(d, "FixHint")));
        }
        return defs;
    }

    static AdapterCapabilities readCapabilities(XmlNode n) {
        List<ReplicationSoftware> softwares = n.list("ReplicationSoftwares", "ReplicationSoftware").stream()
                .map(ModelXml::readSoftware).toList();
        List<ArrayModel> models = n.list("ArrayModels", "ArrayModel").stream().map(ModelXml::readModel).toList();
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

    static AdapterConnectionParameters readConnectionParameters(XmlNode n) {
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
                    c.child("Username").map(PropertyResultsXml::readPrompt), c.child("Password").map(PropertyResultsXml::readPrompt),
                    opaques));
        }
        return new AdapterConnectionParameters(connections);
    }

    private static Prompt readPrompt(XmlNode n) {
        return new Prompt(ModelXml.requiredText(n, "Title"), ModelXml.requiredText(n, "Hint"));
    }
}
