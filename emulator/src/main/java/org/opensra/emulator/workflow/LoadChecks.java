package org.opensra.emulator.workflow;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.path;
import static org.opensra.emulator.xml.Xml.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opensra.emulator.model.Capabilities;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/** WF-1 "Load SRA" at one site: queryInfo, queryCapabilities, queryConnectionParameters, queryStrings, queryErrorDefinitions. */
final class LoadChecks {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> MANDATORY = List.of("queryInfo", "queryCapabilities",
            "queryConnectionParameters", "discoverArrays", "discoverDevices", "testFailoverStart", "testFailoverStop",
            "failover", "reverseReplication", "restoreReplication");
    private static final Set<String> LOCATED = Set.of("syncOnce", "reverseReplication", "restoreReplication",
            "prepareReverseReplication", "prepareRestoreReplication", "querySyncStatus", "queryReplicationSettings");
    private static final Set<String> PROTOCOLS = Set.of("FC", "iSCSI", "NFS", "Datastore");
    private static final Set<String> IDENTIFICATIONS = Set.of("wwn", "initiator+number", "number", "number+target",
            "initiator+number+target");

    private final Context c;
    private String uuid;

    LoadChecks(Context c) {
        this.c = c;
    }

    void load(Site s) {
        Set<String> stringIds = new LinkedHashSet<>();
        Invocation info = s.query("queryInfo", null);
        Element root = c.require("INFO-1", info, "queryInfo");
        Element ai = path(root, "AdapterInfo").orElse(null);
        String name = text(ai, "Name");
        String version = text(ai, "Version");
        String id = text(ai, "Uuid");
        // presence is the structure check (INV-3); an empty localizable text is LOC-1's
        c.v.check("INFO-1", !version.isEmpty(), "AdapterInfo needs a Version", info);
        c.v.check("INFO-1", UUID.matcher(id).matches(), "Uuid \"" + id + "\" is not an RFC 4122 UUID", info);
        if (uuid != null) {
            c.v.check("INFO-1", uuid.equals(id), "Uuid differs between sites: " + uuid + " vs " + id, info);
        }
        uuid = id;
        c.common.adapterSignature(name, version);
        collectStringIds(root, stringIds);
        englishText(info, root);

        Invocation capInv = s.query("queryCapabilities", null);
        Element capRoot = c.require("CAP-1", capInv, "queryCapabilities");
        Capabilities caps = Capabilities.parse(capRoot);
        checkCapabilities(capInv, capRoot, caps);
        collectStringIds(capRoot, stringIds);
        englishText(capInv, capRoot);
        c.caps = caps;

        Invocation conn = s.query("queryConnectionParameters", null);
        Element connRoot = c.require("CONN-1", conn, "queryConnectionParameters");
        checkConnectionParameters(s, conn, connRoot);
        collectStringIds(connRoot, stringIds);
        englishText(conn, connRoot);

        if (caps.supports("queryErrorDefinitions")) {
            Invocation defs = s.query("queryErrorDefinitions", null);
            Element defRoot = c.require("ERR-6", defs, "queryErrorDefinitions");
            Set<Integer> errors = codes(defs, path(defRoot, "ErrorDefinitions").orElse(null), "ErrorDefinition");
            Set<Integer> warnings = codes(defs, path(defRoot, "WarningDefinitions").orElse(null), "WarningDefinition");
            c.common.definedCodes(errors, warnings);
            c.common.placeholders(placeholders(defRoot));
            collectStringIds(defRoot, stringIds);
            englishText(defs, defRoot);
        } else {
            c.v.notRun("ERR-5", "the SRA does not support queryErrorDefinitions");
        }

        if (caps.supports("queryStrings")) {
            for (String locale : caps.queryStringsLocales()) {
                Invocation qs = s.query("queryStrings", "  <QueryStringsParameters>\n    <Locale>"
                        + org.opensra.emulator.xml.Xml.esc(locale) + "</Locale>\n  </QueryStringsParameters>\n");
                Element qsRoot = c.require("LOC-2", qs, "queryStrings " + locale);
                Element strings = path(qsRoot, "Strings").orElse(null);
                c.v.check("LOC-2", strings != null && locale.equals(attr(strings, "locale")),
                        "Strings locale attribute must equal the requested locale " + locale, qs);
                Set<String> ids = new HashSet<>();
                List<String> dup = new ArrayList<>();
                for (Element str : children(strings, "String")) {
                    if (!ids.add(attr(str, "id"))) {
                        dup.add(attr(str, "id"));
                    }
                }
                c.v.check("LOC-2", dup.isEmpty(), "String ids not unique: " + dup, qs);
                List<String> missing = stringIds.stream().filter(x -> !ids.contains(x)).toList();
                c.v.check("LOC-2", missing.isEmpty(), "locale " + locale + " lacks translations for stringIds "
                        + missing, qs);
                c.strings.put(locale, ids);
            }
        }
    }

    /** TOL-2 / TOL-3 at one site: a request with a DTD and a malformed request get an Error, not a crash. */
    void hostileRequests(Site s) {
        Invocation dtd = s.raw("queryInfo", r -> r.replaceFirst("\\?>", "?>\n<!DOCTYPE Command [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/hostname\">]>").replace("<LogLevel>verbose</LogLevel>", "<LogLevel>&xxe;</LogLevel>"));
        c.v.check("TOL-2", Context.topError(dtd).isPresent() || (!dtd.hasResponse() && dtd.exitCode() != 0),
                "a request with a DTD / external entity must be rejected with an Error", dtd);
        Invocation broken = s.raw("queryInfo", r -> r.replace("</Command>", ""));
        boolean answered = Context.topError(broken).isPresent()
                || (!broken.hasResponse() && broken.exitCode() != 0 && !broken.stdout().isBlank());
        c.v.check("TOL-3", answered, "a malformed request must get an Error in OutputFile (or a non-zero exit "
                + "with a message on stdout)", broken);
    }

    /** INV-6 at one site: an unknown command gets error 100, an unsupported locale error 101. */
    void unknownCommandAndLocale(Site s) {
        Invocation unknown = s.query("emulatorNoSuchCommand", null);
        boolean ok = Context.topError(unknown).map(e -> "100".equals(e.getAttribute("code").trim())).orElse(false);
        c.v.check("INV-6", ok, "an unknown command must get Error code 100", unknown);
        if (c.caps.supports("queryStrings")) {
            Invocation loc = s.query("queryStrings",
                    "  <QueryStringsParameters>\n    <Locale>xx-XX</Locale>\n  </QueryStringsParameters>\n");
            boolean ok101 = Context.topError(loc).map(e -> "101".equals(e.getAttribute("code").trim())).orElse(false);
            c.v.check("INV-6", ok101, "an unsupported locale must get Error code 101", loc);
        }
    }

    private void checkCapabilities(Invocation inv, Element root, Capabilities caps) {
        Element ac = path(root, "AdapterCapabilities").orElse(null);
        for (String part : List.of("ReplicationSoftwares", "ArrayModels", "Features", "Commands")) {
            c.v.check("CAP-1", path(ac, part).isPresent(), "AdapterCapabilities lacks " + part, inv);
        }
        for (Element m : children(path(ac, "ArrayModels").orElse(null), "ArrayModel")) {
            c.declaredModels.add(text(m, "Name"));
        }
        for (Element r : children(path(ac, "ReplicationSoftwares").orElse(null), "ReplicationSoftware")) {
            c.declaredSoftwares.add(text(r, "Name"));
        }
        Element features = path(ac, "Features").orElse(null);
        List<Element> protocols = features == null ? List.of()
                : children(path(features, "Protocols").orElse(null), "Protocol");
        c.v.check("CAP-2", !protocols.isEmpty(), "Features must list at least one Protocol", inv);
        for (Element p : protocols) {
            c.v.check("CAP-2", PROTOCOLS.contains(p.getTextContent().trim()),
                    "unknown Protocol \"" + p.getTextContent().trim() + "\" (FC, iSCSI, NFS, Datastore; case sensitive)",
                    inv);
        }
        String ident = text(features, "DeviceIdentification");
        if (!ident.isEmpty()) {
            c.v.check("CAP-2", IDENTIFICATIONS.contains(ident), "unknown DeviceIdentification " + ident, inv);
        }
        List<String> missing = MANDATORY.stream().filter(m -> !caps.supports(m)).toList();
        c.v.check("CAP-3", missing.isEmpty(), "mandatory commands missing from Commands: " + missing, inv);
        c.v.pass("CAP-4");
        for (var e : caps.executionLocations().entrySet()) {
            if (!e.getValue().isEmpty()) {
                c.v.check("CAP-4", LOCATED.contains(e.getKey()), "ExecutionLocation is not allowed on " + e.getKey(),
                        inv);
                c.v.check("CAP-4", e.getValue().equals("source") || e.getValue().equals("target"),
                        "ExecutionLocation of " + e.getKey() + " must be source or target, got " + e.getValue(), inv);
            }
        }
        c.v.check("CAP-5", caps.supports("syncOnce") == caps.supports("querySyncStatus"),
                "syncOnce and querySyncStatus must be supported together", inv);
        c.v.check("CAP-5", !caps.supports("prepareReverseReplication") || caps.supports("reverseReplication"),
                "prepareReverseReplication requires reverseReplication", inv);
        c.v.check("CAP-5", !caps.supports("prepareRestoreReplication") || caps.supports("restoreReplication"),
                "prepareRestoreReplication requires restoreReplication", inv);
        c.v.check("CAP-5", !caps.runsAtTarget("restoreReplication") || caps.supports("prepareRestoreReplication"),
                "restoreReplication at the target requires prepareRestoreReplication", inv);
        if (caps.supports("queryStrings")) {
            c.v.check("LOC-3", !caps.queryStringsLocales().isEmpty(),
                    "queryStrings is supported but its Command lists no Locales", inv);
        }
        if (caps.supports("queryDeviceDetails")) {
            Element cmd = children(path(ac, "Commands").orElse(null), "Command").stream()
                    .filter(x -> "queryDeviceDetails".equals(attr(x, "name"))).findFirst().orElse(null);
            List<Element> props = cmd == null ? List.of()
                    : children(path(cmd, "CustomProperties").orElse(null), "CustomProperty");
            c.v.check("CAP-6", !props.isEmpty(), "queryDeviceDetails must list its CustomProperties", inv);
            for (Element p : props) {
                c.v.check("CAP-6", attr(p, "name") != null && !p.getTextContent().trim().isEmpty(),
                        "CustomProperty needs a name and an English label", inv);
                c.v.check("CAP-6", attr(p, "stringId") != null && !attr(p, "stringId").isBlank(), "CustomProperty "
                        + attr(p, "name") + " needs a stringId (SRM shows its label translated)", inv);
                if (attr(p, "name") != null) {
                    c.declaredProperties.add(attr(p, "name").trim());
                }
            }
        }
    }

    private void checkConnectionParameters(Site s, Invocation inv, Element root) {
        List<Element> conns = children(path(root, "AdapterConnectionParameters").orElse(null), "Connection");
        c.v.check("CONN-1", !conns.isEmpty(), "no Connection groups", inv);
        Set<String> ids = new HashSet<>();
        boolean siteConnectionKnown = false;
        for (Element conn : conns) {
            String id = attr(conn, "id");
            c.v.check("CONN-1", id != null && ids.add(id), "Connection id missing or not unique: " + id, inv);
            checkTitleHint(inv, conn, "Connection " + id);
            for (Element o : children(path(conn, "Opaques").or(() -> path(conn, "Opagues")).orElse(null), "Opaque")) {
                String oid = attr(o, "id");
                if (oid != null && oid.toLowerCase(java.util.Locale.ROOT).matches(".*(filter|prefix).*")
                        && "true".equals(attr(o, "optional")) && id != null && id.equals(s.config().connection().id())) {
                    c.filterOpaque = oid;
                }
            }
            List<Element> addresses = children(path(conn, "Addresses").orElse(null), "Address");
            c.v.check("CONN-1", !addresses.isEmpty(), "Connection " + id + " defines no Address", inv);
            for (Element a : addresses) {
                checkTitleHint(inv, a, "Address " + attr(a, "id"));
            }
            if (id != null && id.equals(s.config().connection().id())) {
                siteConnectionKnown = true;
                for (Element a : addresses) {
                    c.v.check("CONN-2", s.config().connection().addresses().containsKey(attr(a, "id")),
                            "site " + s.name() + "'s site file gives no value for Address " + attr(a, "id"), inv);
                }
            }
        }
        c.v.check("CONN-2", siteConnectionKnown, "site " + s.name() + "'s connection id \""
                + s.config().connection().id() + "\" is not one of the SRA's Connection groups " + ids, inv);
    }

    private void checkTitleHint(Invocation inv, Element e, String what) {
        String title = text(e, "Title");
        String hint = text(e, "Hint");
        c.v.check("CONN-1", !title.isEmpty() && title.length() <= 64, what + ": Title missing or over 64 chars", inv);
        c.v.check("CONN-1", hint.length() <= 256, what + ": Hint over 256 chars", inv);
    }

    private Set<Integer> codes(Invocation inv, Element container, String name) {
        Set<Integer> codes = new HashSet<>();
        for (Element d : children(container, name)) {
            String raw = attr(d, "code");
            try {
                int code = Integer.parseInt(raw == null ? "" : raw.trim());
                c.v.check("ERR-6", codes.add(code), name + " code " + code + " is not unique", inv);
                c.v.check("ERR-1", code >= 1000, name + " code " + code + " is below 1000 (reserved for SRM)", inv);
            } catch (NumberFormatException e) {
                c.v.fail("ERR-6", name + " with a missing or non-numeric code: " + raw, inv);
            }
            c.v.check("ERR-6", path(d, "Description").isPresent() && path(d, "FixHint").isPresent(),
                    name + " " + raw + " needs Description and FixHint", inv);
        }
        return codes;
    }

    private static java.util.Map<Integer, Set<String>> placeholders(Element defRoot) {
        java.util.Map<Integer, Set<String>> out = new java.util.HashMap<>();
        java.util.regex.Pattern ph = java.util.regex.Pattern.compile("\\{(\\w+)\\}");
        for (String kind : List.of("ErrorDefinition", "WarningDefinition")) {
            for (Element d : org.opensra.emulator.xml.Xml.descendants(defRoot, kind)) {
                try {
                    int code = Integer.parseInt(d.getAttribute("code").trim());
                    Set<String> names = new java.util.TreeSet<>();
                    var m = ph.matcher(text(d, "Description") + " " + text(d, "FixHint"));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                    out.put(code, names);
                } catch (NumberFormatException e) {
                    // reported by ERR-6
                }
            }
        }
        return out;
    }

    /** LOC-1: every localizable string carries its English text. */
    void englishText(Invocation inv, Element root) {
        org.w3c.dom.NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("stringId")) {
                c.v.check("LOC-1", !e.getTextContent().isBlank(), "<" + e.getLocalName() + " stringId=\""
                        + e.getAttribute("stringId") + "\"> has no English text", inv);
            }
        }
    }

    static void collectStringIds(Element root, Set<String> into) {
        org.w3c.dom.NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("stringId") && !e.getAttribute("stringId").isBlank()) {
                into.add(e.getAttribute("stringId").trim());
            }
        }
    }
}
