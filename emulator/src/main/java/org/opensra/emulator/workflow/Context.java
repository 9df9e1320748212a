package org.opensra.emulator.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensra.emulator.check.CommonChecks;
import org.opensra.emulator.check.Verdicts;
import org.opensra.emulator.model.Capabilities;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.xml.Xml;
import org.w3c.dom.Element;

/** State shared by the workflows of one run: sites, what the SRA told us, the current replication direction. */
final class Context {
    final Verdicts v;
    final CommonChecks common;
    final Site a;
    final Site b;
    final DataChecks data;
    final Options options;
    final RunLog log;
    Capabilities caps;
    /** The optional device-name filter Opaque of the site's Connection, if the SRA offers one (CONN-3). */
    String filterOpaque;
    /** stringIds a locale translates, from queryStrings. */
    final Map<String, Set<String>> strings = new HashMap<>();
    Site protectedSite;
    Site recoverySite;
    Replication repl;
    Replication initial;
    /** target key (device or group) to the promoted id reported by failover. */
    final Map<String, String> promoted = new HashMap<>();
    /** "G:" / "D:" + source id to the ReplicationSettings element (serialized) from queryReplicationSettings. */
    final Map<String, String> settings = new HashMap<>();
    /** target key to the test copy's id reported by testFailoverStart. */
    final Map<String, String> snapshots = new HashMap<>();
    /** Array model names and replication software names queryCapabilities declares (CAP-1). */
    final Set<String> declaredModels = new java.util.HashSet<>();
    final Set<String> declaredSoftwares = new java.util.HashSet<>();
    /** The CustomProperty names queryCapabilities declares for queryDeviceDetails (CAP-6, DET-1). */
    final Set<String> declaredProperties = new java.util.HashSet<>();
    /** target key to the recovery point id queryRecoveryPoints offered, asked for in testFailoverStart (RP-2). */
    final Map<String, String> requestedPoints = new HashMap<>();
    /** target keys whose failover result carried an Identity: presented to hosts (REV-3). */
    final Set<String> presented = new java.util.HashSet<>();
    /** Object ids, keys and names containing a blank, seen in discovery (LOG-3). */
    final Set<String> blankNames = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Context(Verdicts v, CommonChecks common, Site a, Site b, DataChecks data, Options options, RunLog log) {
        this.v = v;
        this.common = common;
        this.a = a;
        this.b = b;
        this.data = data;
        this.options = options;
        this.log = log;
        this.protectedSite = a;
        this.recoverySite = b;
    }

    Site other(Site s) {
        return s == a ? b : a;
    }

    /** The top-level Error of a response, if any. */
    static java.util.Optional<Element> topError(Invocation inv) {
        return inv.root().flatMap(r -> Xml.child(r, "Error"));
    }

    /** A one-line description of an Error element for messages. */
    static String describe(Element error) {
        String code = error.getAttribute("code");
        String d = Xml.text(error, "Description");
        StringBuilder b = new StringBuilder("Error");
        if (!code.isEmpty()) {
            b.append(' ').append(code);
        }
        for (Element c : Xml.children(error)) {
            if (!"Description".equals(c.getLocalName()) && !"FixHint".equals(c.getLocalName())) {
                b.append(' ').append(c.getLocalName()).append('=').append(c.getTextContent().trim());
            }
        }
        if (!d.isEmpty()) {
            b.append(": ").append(d);
        }
        return b.toString();
    }

    /** Fails {@code id} and aborts the workflow when the response is a top-level Error or unusable. */
    Element require(String id, Invocation inv, String what) {
        if (inv.root().isEmpty()) {
            // the common checks already report it (INV-3 or TOL-1b)
            throw new WorkflowAbort(what + " gave no usable response");
        }
        var err = topError(inv);
        if (err.isPresent() && Xml.children(inv.root().get()).size() > 1) {
            // an Error next to a result: ERR-4, reported by the common checks
            throw new WorkflowAbort(what + " gave an Error and a result");
        }
        if (err.isPresent()) {
            v.fail(id, what + " failed: " + describe(err.get()), inv);
            throw new WorkflowAbort(what + " failed");
        }
        return inv.root().get();
    }

    /** Warnings attached to an item (directly or under Warnings). */
    static List<Element> warnings(Element item) {
        List<Element> w = new java.util.ArrayList<>(Xml.children(item, "Warning"));
        Xml.child(item, "Warnings").ifPresent(ws -> w.addAll(Xml.children(ws, "Warning")));
        return w;
    }
}
