package org.opensra.emulator.parallel;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.child;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.esc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.emulator.check.Completeness;
import org.opensra.emulator.check.Verdicts;
import org.opensra.emulator.model.Capabilities;
import org.opensra.emulator.model.ItemForm;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.site.SiteConfig;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.sra.SraRunner;
import org.w3c.dom.Element;

/**
 * The SRA at both sites for parallel plans: runs one command with a site's Connections (safe from many threads:
 * each run is its own command.pl process) and judges the answer as a whole and per item.
 */
final class SraSession {
    private static final String INITIATOR_GROUP = "srm-emulator-esx";
    private static final String INITIATOR = "iqn.1998-01.com.vmware:srm-emulator-esx01";

    private final SraRunner runner;
    private final Map<String, SiteConfig> sites = new HashMap<>();
    private final Map<String, String> arrayIds = new HashMap<>();
    private Capabilities caps;

    SraSession(SraRunner runner, SiteConfig a, SiteConfig b) {
        this.runner = runner;
        sites.put(a.name(), a);
        sites.put(b.name(), b);
    }

    SiteConfig site(String name) {
        return sites.get(name);
    }

    String arrayId(String site) {
        return arrayIds.get(site);
    }

    void arrayId(String site, String id) {
        arrayIds.put(site, id);
    }

    Capabilities caps() {
        return caps;
    }

    void caps(Capabilities c) {
        this.caps = c;
    }

    String other(String site) {
        return sites.keySet().stream().filter(s -> !s.equals(site)).findFirst().orElseThrow();
    }

    /** A command without Connections (queryCapabilities). */
    Invocation query(String site, String command) {
        return runner.run(site, command, null, null);
    }

    /** An array command without parameters (discoverArrays). */
    Invocation array(String site, String command) {
        return runner.run(site, command, sites.get(site).connection(), null);
    }

    /** An array command at {@code site}; {@code peer} true adds PeerArrayId (the other site's array). */
    Invocation array(String site, String command, boolean peer, String body) {
        StringBuilder b = new StringBuilder();
        String el = Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Parameters";
        b.append("  <").append(el).append(">\n");
        b.append("    <ArrayId>").append(esc(arrayId(site))).append("</ArrayId>\n");
        if (peer) {
            b.append("    <PeerArrayId>").append(esc(arrayId(other(site)))).append("</PeerArrayId>\n");
        }
        if (body != null) {
            b.append(body);
        }
        b.append("  </").append(el).append(">\n");
        return runner.run(site, command, sites.get(site).connection(), b.toString());
    }

    /** The response root when the command answered without a top-level Error; else a failure naming it. */
    static Element ok(Invocation inv) {
        if (inv.timedOut()) {
            throw new PlanFailure(inv.label() + " timed out");
        }
        if (inv.root().isEmpty()) {
            throw new PlanFailure(inv.label() + " gave no usable response (exit " + inv.exitCode() + ")");
        }
        Optional<Element> err = topError(inv);
        if (err.isPresent()) {
            throw new PlanFailure(inv.label() + " failed: " + describe(err.get()));
        }
        return inv.root().get();
    }

    static Optional<Element> topError(Invocation inv) {
        return inv.root().flatMap(r -> child(r, "Error"));
    }

    /** Every requested item answered, none with an Error; the items by id or key. */
    static Map<String, Element> items(Invocation inv, ItemSet requested) {
        ok(inv);
        Map<String, Element> all = Completeness.check(new Verdicts(), inv, requested).all();
        for (String id : requested.groups()) {
            itemOk(inv, all, id);
        }
        for (String id : requested.devices()) {
            itemOk(inv, all, id);
        }
        return all;
    }

    private static void itemOk(Invocation inv, Map<String, Element> all, String id) {
        Element item = all.get(id);
        if (item == null) {
            throw new PlanFailure(inv.label() + ": no result for " + id);
        }
        Optional<Element> err = child(item, "Error");
        if (err.isPresent()) {
            throw new PlanFailure(inv.label() + " failed for " + id + ": " + describe(err.get()));
        }
    }

    /** The item error of one requested item, or the top-level error, if any (a clean refusal). */
    static Optional<Element> anyError(Invocation inv, ItemSet requested) {
        Optional<Element> top = topError(inv);
        if (top.isPresent() || inv.root().isEmpty()) {
            return top;
        }
        for (Element item : Completeness.check(new Verdicts(), inv, requested).all().values()) {
            Optional<Element> err = child(item, "Error");
            if (err.isPresent()) {
                return err;
            }
        }
        return Optional.empty();
    }

    static String describe(Element error) {
        StringBuilder b = new StringBuilder("Error");
        String code = error.getAttribute("code");
        if (!code.isEmpty()) {
            b.append(' ').append(code);
        }
        String d = org.opensra.emulator.xml.Xml.text(error, "Description");
        if (!d.isEmpty()) {
            b.append(": ").append(d);
        }
        return b.toString();
    }

    /** Source form of one unit (syncOnce at the source, prepareFailover). */
    static ItemSet sourceItems(Unit u) {
        return u.group() ? new ItemSet(ItemForm.SOURCE, List.of(u.sourceId()), List.of())
                : new ItemSet(ItemForm.SOURCE, List.of(), List.of(u.sourceId()));
    }

    /** Target form of one unit (testFailover*, failover, sync at the target). */
    static ItemSet targetItems(Unit u) {
        return u.group() ? new ItemSet(ItemForm.TARGET, List.of(u.targetKey()), List.of())
                : new ItemSet(ItemForm.TARGET, List.of(), List.of(u.targetKey()));
    }

    /** testFailoverStart / failover body: the unit with access groups when the SRA restricts access dynamically. */
    String recoveryBody(Unit u) {
        boolean dar = caps.dynamicAccessRestriction();
        String access = dar ? "    <AccessGroups>\n      <AccessGroup id=\"" + INITIATOR_GROUP
                + "\">\n        <Initiator type=\"iSCSI\" id=\"" + INITIATOR + "\"/>\n      </AccessGroup>\n    </AccessGroups>\n"
                : "";
        String itemAccess = "<AccessGroups><AccessGroup id=\"" + INITIATOR_GROUP + "\"/></AccessGroups>\n";
        return access + targetItems(u).xml("    ", g -> "", g -> {
            if (!dar) {
                return "";
            }
            StringBuilder b = new StringBuilder("        <TargetDevices>\n");
            for (Unit.Member m : u.members()) {
                b.append("          <TargetDevice key=\"").append(esc(m.targetKey())).append("\">\n")
                        .append("            ").append(itemAccess).append("          </TargetDevice>\n");
            }
            return b.append("        </TargetDevices>\n").toString();
        }, d -> "", d -> dar ? "        " + itemAccess : "");
    }

    /** The promoted id of each member target key in a failover result item (groups: members; devices: itself). */
    static Map<String, String> promotedIds(Unit u, Element item) {
        Map<String, String> out = new HashMap<>();
        if (!u.group()) {
            if (attr(item, "id") != null) {
                out.put(u.targetKey(), attr(item, "id"));
            }
            return out;
        }
        for (Element c : children(child(item, "TargetDevices").orElse(null), "TargetDevice")) {
            if (attr(c, "key") != null && attr(c, "id") != null) {
                out.put(attr(c, "key"), attr(c, "id"));
            }
        }
        return out;
    }
}
