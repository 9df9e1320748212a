package org.opensra.emulator.workflow;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.descendants;
import static org.opensra.emulator.xml.Xml.path;
import static org.opensra.emulator.xml.Xml.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensra.emulator.model.Inventory;
import org.opensra.emulator.model.SourceDev;
import org.opensra.emulator.model.SourceGroup;
import org.opensra.emulator.model.TargetDev;
import org.opensra.emulator.model.TargetGroup;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/** WF-2: discoverArrays at both sites, pair selection, discoverDevices and cross-site correlation (DA-1, DD-1..DD-8). */
final class Discovery {
    private final Context c;

    Discovery(Context c) {
        this.c = c;
    }

    /** discoverArrays at both sites; picks the mirrored pair and sets each site's array id. */
    void arrays() {
        Map<String, List<String>> atA = arrays(c.a);
        Map<String, List<String>> atB = arrays(c.b);
        for (var ea : atA.entrySet()) {
            for (var eb : atB.entrySet()) {
                if (ea.getValue().contains(eb.getKey()) && eb.getValue().contains(ea.getKey())) {
                    c.a.arrayId(ea.getKey());
                    c.b.arrayId(eb.getKey());
                    c.v.pass("DA-1");
                    return;
                }
            }
        }
        c.v.fail("DA-1", "no array pair correlates across sites: site A reports " + atA + ", site B reports " + atB
                + " (each array must list the other as PeerArray)", null);
        throw new WorkflowAbort("no array pair");
    }

    private Map<String, List<String>> arrays(Site s) {
        Invocation inv = s.array("discoverArrays", null);
        Element root = c.require("DA-1", inv, "discoverArrays");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element a : children(path(root, "Arrays").orElse(null), "Array")) {
            String id = attr(a, "id");
            c.v.check("DA-1", id != null && !out.containsKey(id), "Array id missing or not unique: " + id, inv);
            c.v.check("DA-1", path(a, "Model", "Name").isPresent() && path(a, "Model", "Vendor").isPresent(),
                    "Array " + id + " needs Model Name and Vendor", inv);
            c.v.check("DA-1", path(a, "ReplicationSoftware", "Name").isPresent()
                    && path(a, "ReplicationSoftware", "Version").isPresent(),
                    "Array " + id + " needs ReplicationSoftware Name and Version", inv);
            List<String> peers = new ArrayList<>();
            children(path(a, "PeerArrays").orElse(null), "PeerArray").forEach(p -> peers.add(attr(p, "id")));
            c.v.check("DA-1", !peers.isEmpty(), "Array " + id + " lists no PeerArrays", inv);
            out.put(id, peers);
            path(a, "Model", "Vendor").ifPresent(v -> checkTranslated(inv, v));
            // CAP-1: what the arrays say they are is among what queryCapabilities declares
            String model = path(a, "Model", "Name").map(m -> m.getTextContent().trim()).orElse(null);
            String software = path(a, "ReplicationSoftware", "Name").map(m -> m.getTextContent().trim()).orElse(null);
            if (model != null) {
                c.v.check("CAP-1", c.declaredModels.contains(model), "Array " + id + " is of Model " + model
                        + ", which queryCapabilities' ArrayModels " + c.declaredModels + " does not list", inv);
            }
            if (software != null) {
                c.v.check("CAP-1", c.declaredSoftwares.contains(software), "Array " + id + " runs ReplicationSoftware "
                        + software + ", which queryCapabilities' ReplicationSoftwares " + c.declaredSoftwares
                        + " does not list", inv);
            }
        }
        return out;
    }

    private void checkTranslated(Invocation inv, Element e) {
        String sid = attr(e, "stringId");
        if (sid == null || sid.isBlank()) {
            return;
        }
        for (var loc : c.strings.entrySet()) {
            c.v.check("LOC-2", loc.getValue().contains(sid.trim()), "locale " + loc.getKey()
                    + " lacks a translation for stringId " + sid, inv);
        }
    }

    /** discoverDevices at one site towards its peer, with structural checks; aborts on a top-level Error. */
    Discovered devices(Site s) {
        Site peer = c.other(s);
        Invocation inv = s.array("discoverDevices", Params.of("discoverDevices", s.arrayId(), peer.arrayId(), null));
        Element root = c.require("DD-1", inv, "discoverDevices");
        Inventory in = Inventory.parse(root);
        structure(inv, root, in);
        blankNames(in);
        return new Discovered(s, inv, in);
    }

    /** Ids, keys and names with a blank, for the quoting check of the logs (LOG-3). */
    private void blankNames(Inventory in) {
        List<String> all = new java.util.ArrayList<>();
        in.allSourceDevices().forEach(d -> all.addAll(java.util.Arrays.asList(d.id(), d.name(), d.targetKey())));
        in.allTargetDevices().forEach(t -> all.addAll(java.util.Arrays.asList(t.key(), t.id(), t.name())));
        in.sourceGroups().forEach(g -> all.addAll(java.util.Arrays.asList(g.id(), g.name(), g.targetKey())));
        for (String n : all) {
            if (n != null && n.strip().contains(" ")) {
                c.blankNames.add(n.strip());
            }
        }
    }

    private void structure(Invocation inv, Element root, Inventory in) {
        Set<String> ids = new HashSet<>();
        for (SourceDev d : in.allSourceDevices()) {
            c.v.check("DD-2", d.id() != null && ("read-write".equals(d.state()) || "read-only".equals(d.state())),
                    "SourceDevice " + d.id() + " needs an id and state read-write|read-only, got " + d.state(), inv);
            c.v.check("DD-2", d.targetKey() != null, "SourceDevice " + d.id() + " lacks its TargetDevice key", inv);
            c.v.check("DD-8", d.id() == null || ids.add("S" + d.id()), "SourceDevice id " + d.id()
                    + " reported twice", inv);
        }
        for (TargetDev t : in.allTargetDevices()) {
            c.v.check("DD-3", t.key() != null, "TargetDevice without key", inv);
            c.v.check("DD-3", (t.id() == null) == (t.state() == null), "TargetDevice " + t.key()
                    + ": a promoted target needs both id and state", inv);
            c.v.check("DD-8", t.key() == null || ids.add("T" + t.key()), "TargetDevice key " + t.key()
                    + " reported twice", inv);
        }
        for (SourceGroup g : in.sourceGroups()) {
            c.v.check("DD-6", g.id() != null && g.state() != null && g.targetKey() != null && !g.devices().isEmpty(),
                    "ConsistencyGroup " + g.id() + " needs id, state, TargetGroup key and SourceDevices", inv);
        }
        for (TargetGroup g : in.targetGroups()) {
            c.v.check("DD-6", g.key() != null && !g.devices().isEmpty(), "TargetGroup " + g.key()
                    + " needs a key and TargetDevices", inv);
            if (g.promoted()) {
                c.v.check("DD-6", g.devices().stream().allMatch(TargetDev::promoted), "promoted TargetGroup "
                        + g.key() + " holds devices that are not promoted", inv);
            }
        }
        if (!descendants(root, "Identity").isEmpty()) {
            c.v.pass("DD-7");
        }
        for (Element lun : descendants(root, "Lun")) {
            if (lun.getAttribute("target").isEmpty()) {
                c.v.check("DD-7", path(root, "ReplicatedDevices", "StoragePorts").isPresent(),
                        "Lun without target requires StoragePorts", inv);
            }
            if (!lun.getAttribute("initiatorGroupId").isEmpty()) {
                c.v.check("DD-7", path(root, "ReplicatedDevices", "InitiatorGroups").isPresent(),
                        "Lun with initiatorGroupId requires InitiatorGroups", inv);
            }
        }
        if (!text(root, "Error").isEmpty()) {
            c.v.fail("DD-1", "discoverDevices returned an Error", inv);
        }
    }

    /**
     * DD-1 / DD-6: sources at one site match targets at the other (keys and group members), in both
     * directions, and no target is left without its source.
     */
    void correlate(Discovered x, Discovered y) {
        correlateOneWay(x, y);
        correlateOneWay(y, x);
    }

    private void correlateOneWay(Discovered src, Discovered tgt) {
        Inventory s = src.inventory();
        Inventory t = tgt.inventory();
        Invocation inv = tgt.invocation();
        for (SourceGroup g : s.sourceGroups()) {
            var tg = g.targetKey() == null ? java.util.Optional.<TargetGroup>empty() : t.targetGroup(g.targetKey());
            if (!c.v.check("DD-1", tg.isPresent(), "ConsistencyGroup " + g.id() + " at site " + src.site().name()
                    + " has TargetGroup key " + g.targetKey() + " that site " + tgt.site().name() + " does not report",
                    inv)) {
                continue;
            }
            Set<String> want = new HashSet<>();
            g.devices().forEach(d -> want.add(d.targetKey()));
            Set<String> got = new HashSet<>();
            tg.get().devices().forEach(d -> got.add(d.key()));
            c.v.check("DD-6", want.equals(got), "group " + g.id() + " members' target keys " + want
                    + " differ from TargetGroup " + g.targetKey() + "'s devices " + got, inv);
        }
        for (SourceDev d : s.sourceDevices()) {
            boolean found = d.targetKey() != null && t.targetDevices().stream().anyMatch(x -> d.targetKey().equals(x.key()));
            c.v.check("DD-1", found, "SourceDevice " + d.id() + " at site " + src.site().name()
                    + " has TargetDevice key " + d.targetKey() + " that site " + tgt.site().name()
                    + " does not report as a standalone TargetDevice", inv);
        }
        Set<String> sourceKeys = new HashSet<>();
        s.sourceGroups().forEach(g -> sourceKeys.add(g.targetKey()));
        s.sourceDevices().forEach(d -> sourceKeys.add(d.targetKey()));
        for (TargetGroup g : t.targetGroups()) {
            c.v.check("DD-1", sourceKeys.contains(g.key()), "TargetGroup " + g.key() + " at site " + tgt.site().name()
                    + " has no matching ConsistencyGroup at site " + src.site().name(), inv);
        }
        for (TargetDev d : t.targetDevices()) {
            c.v.check("DD-1", sourceKeys.contains(d.key()), "TargetDevice " + d.key() + " at site "
                    + tgt.site().name() + " has no matching SourceDevice at site " + src.site().name(), inv);
        }
    }

    /** A discoverDevices result with where it came from. */
    record Discovered(Site site, Invocation invocation, Inventory inventory) {
    }
}
