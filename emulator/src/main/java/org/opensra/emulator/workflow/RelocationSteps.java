package org.opensra.emulator.workflow;

import static org.opensra.emulator.xml.Xml.child;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.emulator.check.Completeness;
import org.opensra.emulator.model.ItemForm;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.xml.Xml;
import org.w3c.dom.Element;

/** reverseReplication and restoreReplication with their prepare commands (REV-1, REV-5..7, RES-1, RES-4..6, RS-2). */
final class RelocationSteps {
    private final Context c;

    RelocationSteps(Context c) {
        this.c = c;
    }

    /** ReplicationSettings no SRA wrote: reverse and restore must still succeed, with a warning (REV-7, RES-6). */
    static final String INVALID_SETTINGS = "<ReplicationSettings xmlns=\"http://www.vmware.com/srm/sra/v2\">"
            + "<SrmEmulatorNotYourSettings>written by the SRM emulator, not by this SRA</SrmEmulatorNotYourSettings>"
            + "</ReplicationSettings>";

    /** prepareReverseReplication (opposite site) and reverseReplication (REV-1, REV-5, REV-6, REV-7, RS-2). */
    void reverse() {
        Site desiredSource = c.recoverySite;
        Site desiredTarget = c.protectedSite;
        Site loc = c.caps.runsAtTarget("reverseReplication") ? desiredTarget : desiredSource;
        Relocation rev = new Relocation("REV-6", "REV-7");
        if (c.caps.supports("prepareReverseReplication")) {
            relocate("prepareReverseReplication", "REV-1", c.other(loc), rev, false);
        }
        relocate("reverseReplication", "REV-1", loc, rev, true);
        relocate("reverseReplication", "REV-5", loc, rev, false);
    }

    /** prepareRestoreReplication (opposite site) and restoreReplication (RES-1, RES-4, RES-5, RES-6, RS-2). */
    void restore() {
        Site desiredSource = c.protectedSite;
        Site desiredTarget = c.recoverySite;
        Site loc = c.caps.runsAtTarget("restoreReplication") ? desiredTarget : desiredSource;
        Relocation res = new Relocation("RES-5", "RES-6");
        if (c.caps.supports("prepareRestoreReplication")) {
            relocate("prepareRestoreReplication", "RES-1", c.other(loc), res, false);
        }
        relocate("restoreReplication", "RES-1", loc, res, true);
        relocate("restoreReplication", "RES-4", loc, res, false);
    }

    /** The requirement IDs of one family: which ids a site gets (REV-6 / RES-5), invalid settings (REV-7 / RES-6). */
    private record Relocation(String ids, String invalidSettings) {
    }

    /**
     * reverse/restore family at {@code at}, with the ids the spec prescribes there (the original source ids at the
     * original protected site, the failed-over ids at the other) and the kept ReplicationSettings. With
     * {@code judgeSettings}, the first item gets settings no SRA wrote (it must succeed with a warning) when there
     * are others, whose valid settings must show up in the log when they were applied (RS-2; an item with a
     * warning may have been in the requested state already). An item that fails is tried once more with the other
     * site's id of the same device: if that succeeds, the SRA uses the wrong ids (REV-6 / RES-5).
     */
    private void relocate(String command, String id, Site at, Relocation family, boolean judgeSettings) {
        boolean atOriginal = at == c.protectedSite;
        ItemSet items = atOriginal ? c.repl.originalIds() : c.repl.promotedIds(c.promoted);
        ItemSet others = atOriginal ? c.repl.promotedIds(c.promoted) : c.repl.originalIds();
        List<String> settings = settingsInOrder();
        int total = items.groups().size() + items.devices().size();
        int invalid = judgeSettings && total > 1 && settings.get(0) != null ? 0 : -1;
        if (judgeSettings && invalid < 0) {
            c.v.notRun(family.invalidSettings(), "needs two replicated items with ReplicationSettings (one gets invalid ones)");
        }
        Invocation inv = at.array(command, Params.of(command, at.arrayId(), c.other(at).arrayId(),
                relocateBody(items, settings, invalid)));
        c.require(id, inv, command);
        var res = Completeness.check(c.v, inv, items);
        List<String> names = names(items);
        Map<Integer, Element> failed = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Element item = res.all().get(names.get(i));
            if (item == null) {
                continue;
            }
            Optional<Element> err = child(item, "Error");
            if (err.isPresent()) {
                failed.put(i, err.get());
                continue;
            }
            c.v.check(id, child(item, "Success").isPresent(), command + " item " + names.get(i) + " lacks Success", inv);
            if (i == invalid) {
                c.v.check(family.invalidSettings(), !Context.warnings(item).isEmpty(), command + " of "
                        + names.get(i) + " with ReplicationSettings this SRA never wrote succeeded without a warning "
                        + "to fix the settings by hand", inv);
            } else if (judgeSettings && settings.get(i) != null && Context.warnings(item).isEmpty()) {
                settingsLogged(inv, names.get(i), settings.get(i));
            }
        }
        if (failed.isEmpty()) {
            c.v.pass(family.ids());
            return;
        }
        otherIds(command, id, at, family, inv, names, names(others), failed);
    }

    /** An item that failed with the prescribed id, tried with the other site's id (REV-6 / RES-5). */
    private void otherIds(String command, String id, Site at, Relocation family, Invocation inv, List<String> names,
                          List<String> otherNames, Map<Integer, Element> failed) {
        List<String> groups = new java.util.ArrayList<>();
        List<String> devices = new java.util.ArrayList<>();
        int nGroups = c.repl.groups().size();
        for (int i : failed.keySet()) {
            if (!otherNames.get(i).equals(names.get(i))) {
                (i < nGroups ? groups : devices).add(otherNames.get(i));
            }
        }
        Map<String, Element> retried = Map.of();
        if (!groups.isEmpty() || !devices.isEmpty()) {
            ItemSet alt = new ItemSet(ItemForm.DEVICES, groups, devices);
            Invocation again = at.array(command, Params.of(command, at.arrayId(), c.other(at).arrayId(),
                    alt.xml("    ", g -> "", g -> "", d -> "", d -> "")));
            if (Context.topError(again).isEmpty() && again.root().isPresent()) {
                retried = Completeness.check(c.v, again, alt).all();
            }
        }
        for (var f : failed.entrySet()) {
            Element other = retried.get(otherNames.get(f.getKey()));
            if (other != null && child(other, "Error").isEmpty()) {
                c.v.fail(family.ids(), command + " at site " + at.name() + " refused " + names.get(f.getKey()) + " ("
                        + Context.describe(f.getValue()) + ") but accepted " + otherNames.get(f.getKey())
                        + ", the id of the same device at the other site: at site " + at.name() + " the ids are the "
                        + (at == c.protectedSite ? "original source ids" : "failed-over ids (returned by failover)"), inv);
            } else {
                c.v.fail(id, command + " failed for " + names.get(f.getKey()) + ": " + Context.describe(f.getValue()),
                        inv);
            }
        }
    }

    /** Groups then devices, in the order of {@link Replication}. */
    private static List<String> names(ItemSet items) {
        List<String> out = new java.util.ArrayList<>(items.groups());
        out.addAll(items.devices());
        return out;
    }

    /** The kept ReplicationSettings of each group then device (null where there are none). */
    private List<String> settingsInOrder() {
        List<String> out = new java.util.ArrayList<>();
        c.repl.groups().forEach(g -> out.add(c.settings.get("G:" + g.sourceId())));
        c.repl.devices().forEach(d -> out.add(c.settings.get("D:" + d.sourceId())));
        return out;
    }

    private String relocateBody(ItemSet items, List<String> settings, int invalid) {
        Map<String, String> byName = new HashMap<>();
        List<String> names = names(items);
        for (int i = 0; i < names.size(); i++) {
            byName.put((i < items.groups().size() ? "G" : "D") + names.get(i), i == invalid ? INVALID_SETTINGS
                    : settings.get(i));
        }
        return items.xml("    ", g -> "", g -> indent(byName.get("G" + g)), d -> "", d -> indent(byName.get("D" + d)));
    }

    /** RS-2: the SRA logs the settings it was given; every value of the blob shows up in its own log lines. */
    private void settingsLogged(Invocation inv, String item, String settingsXml) {
        List<String> values = new java.util.ArrayList<>();
        try {
            collectValues(Xml.parse(settingsXml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement(),
                    values);
        } catch (RuntimeException e) {
            return; // the SRA's own blob, kept as it came; its structure is INV-3's business
        }
        // the request's own echo (LOG-1) holds the settings too; it does not count: lines with XML tags are skipped
        String ownLines = String.join("\n", inv.stdout().lines().filter(l -> l.indexOf('<') < 0).toList());
        List<String> missing = values.stream().filter(v -> !ownLines.contains(v)).toList();
        c.v.check("RS-2", missing.isEmpty(), inv.command() + " of " + item + " does not log the replication settings "
                + "it was given: " + missing + " missing from its log", inv);
    }

    private static void collectValues(Element e, List<String> into) {
        org.w3c.dom.NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            org.w3c.dom.Node a = attrs.item(i);
            if (!"xmlns".equals(a.getPrefix()) && !"xmlns".equals(a.getNodeName()) && !a.getNodeValue().isBlank()) {
                into.add(a.getNodeValue().strip());
            }
        }
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element k) {
                collectValues(k, into);
            } else if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                into.add(n.getNodeValue().strip());
            }
        }
    }

    private static String indent(String xml) {
        return xml == null ? "" : "        " + xml + "\n";
    }
}
