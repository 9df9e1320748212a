package org.opensra.emulator.workflow;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.child;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.esc;
import static org.opensra.emulator.xml.Xml.path;
import static org.opensra.emulator.xml.Xml.text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensra.emulator.check.Completeness;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/** The per-item SRM commands of test and failover with their checks: check*, testFailover*, prepareFailover, failover. */
final class Steps {
    static final String BOGUS_KEY = "srm-emulator-no-such-key";
    private static final String INITIATOR_GROUP = "srm-emulator-esx";
    private static final String INITIATOR = "iqn.1998-01.com.vmware:srm-emulator-esx01";

    private final Context c;
    private final java.time.Instant started = java.time.Instant.now();

    Steps(Context c) {
        this.c = c;
    }

    /** checkTestFailoverStart / checkFailover: Success, Success+Warnings or Error per item (TF-1, FO-1). */
    void check(String command, String id) {
        if (!c.caps.supports(command)) {
            c.v.notRun(id, command + " not supported");
            return;
        }
        Site r = c.recoverySite;
        ItemSet items = c.repl.targetItems();
        Invocation inv = r.array(command, Params.of(command, r.arrayId(), null, items.xml("    ")));
        c.require(id, inv, command);
        var res = Completeness.check(c.v, inv, items);
        for (var e : res.all().entrySet()) {
            boolean success = child(e.getValue(), "Success").isPresent();
            Optional<Element> err = child(e.getValue(), "Error");
            c.v.check(id, success || err.isPresent(), command + " item " + e.getKey()
                    + " carries neither Success nor Error", inv);
            err.ifPresent(x -> c.v.fail(id, command + " reports " + e.getKey() + " not ready: "
                    + Context.describe(x), inv));
        }
    }

    private String accessGroups() {
        return c.caps.dynamicAccessRestriction()
                ? "    <AccessGroups>\n      <AccessGroup id=\"" + INITIATOR_GROUP + "\">\n        <Initiator type=\"iSCSI\" id=\""
                + INITIATOR + "\"/>\n      </AccessGroup>\n    </AccessGroups>\n" : "";
    }

    private String itemAccess(String indent) {
        return c.caps.dynamicAccessRestriction() ? indent + "<AccessGroups><AccessGroup id=\"" + INITIATOR_GROUP
                + "\"/></AccessGroups>\n" : "";
    }

    /** testFailoverStart / failover request body: groups (with member access groups) and devices plus extras. */
    private String recoveryBody(ItemSet items) {
        return recoveryBody(items, java.util.Map.of());
    }

    /** As {@link #recoveryBody(ItemSet)}, asking for a recovery point per item where {@code points} has one (RP-2). */
    private String recoveryBody(ItemSet items, Map<String, String> points) {
        Map<String, List<String>> members = new HashMap<>();
        c.repl.groups().forEach(g -> members.put(g.targetKey(), g.members().stream()
                .map(Replication.DevicePair::targetKey).toList()));
        return accessGroups() + items.xml("    ", g -> "", g -> {
            String point = point(points, g, "        ");
            if (!c.caps.dynamicAccessRestriction()) {
                return point;
            }
            StringBuilder b = new StringBuilder(point).append("        <TargetDevices>\n");
            for (String k : members.getOrDefault(g, List.of())) {
                b.append("          <TargetDevice key=\"").append(esc(k)).append("\">\n")
                        .append(itemAccess("            ")).append("          </TargetDevice>\n");
            }
            return b.append("        </TargetDevices>\n").toString();
        }, d -> "", d -> itemAccess("        ") + point(points, d, "        "));
    }

    private static String point(Map<String, String> points, String key, String indent) {
        String id = points.get(key);
        return id == null ? "" : indent + "<RecoveryPoint id=\"" + esc(id) + "\"/>\n";
    }

    /** testFailoverStart with one unknown key among the good ones (TF-2, TF-4, TF-5, RP-3). */
    Invocation testFailoverStart(boolean withBogusKey) {
        Site r = c.recoverySite;
        ItemSet good = c.repl.targetItems();
        ItemSet items = withBogusKey ? good.plusDevice(BOGUS_KEY) : good;
        Map<String, String> points = Map.copyOf(c.requestedPoints);
        c.requestedPoints.clear();
        Invocation inv = r.array("testFailoverStart",
                Params.of("testFailoverStart", r.arrayId(), null, recoveryBody(items, points)));
        c.require("TF-2", inv, "testFailoverStart");
        var res = Completeness.check(c.v, inv, items);
        for (var g : c.repl.groups()) {
            Element item = res.groups().get(g.targetKey());
            if (item == null || failed("TF-2", inv, "testFailoverStart", g.targetKey(), item)) {
                continue;
            }
            Optional<Element> snap = child(item, "Snapshot");
            if (!c.v.check("TF-2", snap.isPresent() && attr(snap.get(), "id") != null, "TargetGroup " + g.targetKey()
                    + " result lacks Snapshot id", inv)) {
                continue;
            }
            recoveryPoint(inv, snap.get(), g.targetKey());
            askedPoint(inv, snap.get(), g.targetKey(), points);
            for (var m : g.members()) {
                Optional<Element> ms = children(path(snap.get(), "TargetDevices").orElse(null), "TargetDevice").stream()
                        .filter(x -> m.targetKey().equals(attr(x, "key"))).findFirst().flatMap(x -> child(x, "Snapshot"));
                if (c.v.check("TF-2", ms.isPresent() && attr(ms.get(), "id") != null, "group " + g.targetKey()
                        + " Snapshot lacks member " + m.targetKey() + " with a Snapshot id", inv)) {
                    c.snapshots.put(m.targetKey(), attr(ms.get(), "id"));
                    presented("TF-5", inv, ms.get(), item, m.targetKey());
                }
            }
        }
        for (var d : c.repl.devices()) {
            Element item = res.devices().get(d.targetKey());
            if (item == null || failed("TF-2", inv, "testFailoverStart", d.targetKey(), item)) {
                continue;
            }
            Optional<Element> snap = child(item, "Snapshot");
            if (c.v.check("TF-2", snap.isPresent() && attr(snap.get(), "id") != null, "TargetDevice " + d.targetKey()
                    + " result lacks Snapshot id", inv)) {
                c.snapshots.put(d.targetKey(), attr(snap.get(), "id"));
                recoveryPoint(inv, snap.get(), d.targetKey());
                askedPoint(inv, snap.get(), d.targetKey(), points);
                presented("TF-5", inv, snap.get(), item, d.targetKey());
            }
        }
        if (withBogusKey) {
            bogus("TF-4", inv, res);
            Map<String, List<String>> named = new LinkedHashMap<>();
            c.repl.groups().forEach(g -> named.put(g.targetKey(), g.members().stream()
                    .map(Replication.DevicePair::targetKey).toList()));
            c.repl.devices().forEach(d -> named.put(d.targetKey(), List.of()));
            stepsNamed(inv, "testFailoverStart", named, res);
        }
        return inv;
    }

    /**
     * LOG-4 (Appendix A): the Commence: message of each step names the object the response reports: every
     * requested item that succeeded, or each device of a requested group.
     */
    private void stepsNamed(Invocation inv, String what, Map<String, List<String>> items, Completeness.ItemResults res) {
        List<String> commence = inv.stdout().lines().filter(l -> l.contains("Commence:")).toList();
        for (var e : items.entrySet()) {
            Element item = res.all().get(e.getKey());
            if (item == null || child(item, "Error").isPresent()) {
                continue;
            }
            boolean named = mentions(commence, e.getKey())
                    || (!e.getValue().isEmpty() && e.getValue().stream().allMatch(m -> mentions(commence, m)));
            c.v.check("LOG-4", named, what + ": no Commence: step message names " + e.getKey()
                    + " (Appendix A: commence/complete with the object name given in the response)", inv);
        }
    }

    private static boolean mentions(List<String> lines, String name) {
        for (String l : lines) {
            for (int i = l.indexOf(name); i >= 0; i = l.indexOf(name, i + 1)) {
                int end = i + name.length();
                boolean before = i == 0 || !Character.isLetterOrDigit(l.charAt(i - 1)) && l.charAt(i - 1) != '-';
                boolean after = end == l.length() || !Character.isLetterOrDigit(l.charAt(end)) && l.charAt(end) != '-';
                if (before && after) {
                    return true;
                }
            }
        }
        return false;
    }

    /** RP-2: a test copy made from a requested recovery point reports that point. */
    private void askedPoint(Invocation inv, Element holder, String key, Map<String, String> points) {
        String asked = points.get(key);
        if (asked != null) {
            String got = child(holder, "RecoveryPoint").map(x -> attr(x, "id")).orElse(null);
            c.v.check("RP-2", asked.equals(got), key + ": testFailoverStart was asked for RecoveryPoint " + asked
                    + " (from queryRecoveryPoints) but reports RecoveryPoint " + got, inv);
        }
    }

    /** A second testFailoverStart on targets under test must be an error (TF-6). */
    void testFailoverStartAgain() {
        Site r = c.recoverySite;
        ItemSet items = c.repl.targetItems();
        Invocation inv = r.array("testFailoverStart",
                Params.of("testFailoverStart", r.arrayId(), null, recoveryBody(items)));
        if (Context.topError(inv).isPresent()) {
            c.v.pass("TF-6");
            return;
        }
        var res = Completeness.check(c.v, inv, items);
        for (var e : res.all().entrySet()) {
            c.v.check("TF-6", child(e.getValue(), "Error").isPresent(), "testFailoverStart while a test is running on "
                    + e.getKey() + " must be an Error", inv);
        }
    }

    /** testFailoverStop: Success for every item (TF-7). */
    void testFailoverStop(String note) {
        Site r = c.recoverySite;
        ItemSet items = c.repl.targetItems();
        Invocation inv = r.array("testFailoverStop", Params.of("testFailoverStop", r.arrayId(), null, items.xml("    ")));
        c.require("TF-7", inv, "testFailoverStop" + note);
        var res = Completeness.check(c.v, inv, items);
        successEach("TF-7", inv, "testFailoverStop" + note, res);
    }

    /** prepareFailover at the protected site (PF-1, PF-2, PF-3). */
    void prepareFailover(String id, ItemSet items, String note) {
        if (!c.caps.supports("prepareFailover")) {
            c.v.notRun(id, "prepareFailover not supported");
            return;
        }
        Site p = c.protectedSite;
        Invocation inv = p.array("prepareFailover", Params.of("prepareFailover", p.arrayId(), null, items.xml("    ")));
        c.require(id, inv, "prepareFailover" + note);
        var res = Completeness.check(c.v, inv, items);
        successEach(id, inv, "prepareFailover" + note, res);
        if (id.equals("PF-1")) {
            Map<String, List<String>> named = new LinkedHashMap<>();
            c.repl.groups().forEach(g -> named.put(g.sourceId(), g.members().stream()
                    .map(Replication.DevicePair::sourceId).toList()));
            c.repl.devices().forEach(d -> named.put(d.sourceId(), List.of()));
            java.util.Set<String> requested = new java.util.HashSet<>(items.groups());
            requested.addAll(items.devices());
            named.keySet().retainAll(requested);
            stepsNamed(inv, "prepareFailover", named, res);
        }
    }

    /** failover at the recovery site (FO-2..FO-5); {@code retry} expects the same ids as before (FO-3). */
    Invocation failover(String id, boolean withBogusKey, boolean retry) {
        Site r = c.recoverySite;
        ItemSet good = c.repl.targetItems();
        ItemSet items = withBogusKey ? good.plusDevice(BOGUS_KEY) : good;
        Invocation inv = r.array("failover", Params.of("failover", r.arrayId(), null, recoveryBody(items)));
        c.require(id, inv, "failover");
        var res = Completeness.check(c.v, inv, items);
        Map<String, String> got = new HashMap<>();
        for (var g : c.repl.groups()) {
            Element item = res.groups().get(g.targetKey());
            if (item == null || failed(id, inv, "failover", g.targetKey(), item)) {
                continue;
            }
            if (promotedAttrs(id, inv, item, "TargetGroup " + g.targetKey())) {
                got.put(g.targetKey(), attr(item, "id"));
            }
            recoveryPoint(inv, item, g.targetKey());
            for (var m : g.members()) {
                Optional<Element> me = children(path(item, "TargetDevices").orElse(null), "TargetDevice").stream()
                        .filter(x -> m.targetKey().equals(attr(x, "key"))).findFirst();
                if (c.v.check(id, me.isPresent(), "failover result of group " + g.targetKey() + " lacks member "
                        + m.targetKey(), inv) && promotedAttrs(id, inv, me.get(), "TargetDevice " + m.targetKey())) {
                    got.put(m.targetKey(), attr(me.get(), "id"));
                    presented("FO-4", inv, me.get(), item, m.targetKey());
                    if (child(me.get(), "Identity").isPresent()) {
                        c.presented.add(m.targetKey());
                    }
                }
            }
        }
        for (var d : c.repl.devices()) {
            Element item = res.devices().get(d.targetKey());
            if (item == null || failed(id, inv, "failover", d.targetKey(), item)) {
                continue;
            }
            if (promotedAttrs(id, inv, item, "TargetDevice " + d.targetKey())) {
                got.put(d.targetKey(), attr(item, "id"));
            }
            recoveryPoint(inv, item, d.targetKey());
            presented("FO-4", inv, item, item, d.targetKey());
            if (child(item, "Identity").isPresent()) {
                c.presented.add(d.targetKey());
            }
        }
        if (withBogusKey) {
            bogus("FO-4", inv, res);
        }
        if (retry) {
            for (var e : got.entrySet()) {
                c.v.check("FO-3", e.getValue().equals(c.promoted.get(e.getKey())), "repeated failover of "
                        + e.getKey() + " returned id " + e.getValue() + ", first failover returned "
                        + c.promoted.get(e.getKey()), inv);
            }
        } else {
            c.promoted.putAll(got);
        }
        return inv;
    }

    private boolean failed(String id, Invocation inv, String command, String key, Element item) {
        Optional<Element> err = child(item, "Error");
        err.ifPresent(e -> c.v.fail(id, command + " failed for " + key + ": " + Context.describe(e), inv));
        return err.isPresent();
    }

    private boolean promotedAttrs(String id, Invocation inv, Element item, String what) {
        return c.v.check(id, attr(item, "id") != null && "read-write".equals(attr(item, "state")),
                what + " failover result needs id and state=\"read-write\", got id=" + attr(item, "id") + " state="
                        + attr(item, "state"), inv);
    }

    private void recoveryPoint(Invocation inv, Element holder, String key) {
        Optional<Element> rp = child(holder, "RecoveryPoint");
        c.v.check("RP-3", rp.isPresent() && attr(rp.get(), "id") != null && !text(rp.get(), "Time").isEmpty(),
                key + ": RecoveryPoint with id and Time is required", inv);
        rp.ifPresent(x -> {
            java.time.Instant t;
            try {
                t = javax.xml.datatype.DatatypeFactory.newInstance().newXMLGregorianCalendar(text(x, "Time"))
                        .toGregorianCalendar().toInstant();
                c.v.pass("RP-1");
            } catch (Exception e) {
                c.v.fail("RP-1", key + ": RecoveryPoint Time \"" + text(x, "Time") + "\" is not an xsd:dateTime", inv);
                return;
            }
            // RP-3: the data's timestamp: the data was replicated during this run (an hour's slack for the
            // lab set up before it and for clocks), and it cannot lie in the future
            java.time.Instant now = java.time.Instant.now();
            c.v.check("RP-3", !t.isBefore(started.minus(java.time.Duration.ofHours(1)))
                    && !t.isAfter(now.plus(java.time.Duration.ofMinutes(10))), key + ": RecoveryPoint Time "
                    + text(x, "Time") + " is not the time of the data replicated in this run (run started " + started
                    + ")", inv);
        });
    }

    /** TF-5 / FO-4: a device without Identity must come with a warning naming the presentation failure. */
    private void presented(String id, Invocation inv, Element device, Element item, String key) {
        if (child(device, "Identity").isEmpty()) {
            c.v.check(id, !Context.warnings(item).isEmpty() || !Context.warnings(device).isEmpty(),
                    key + " has no Identity and no warning explaining the presentation failure", inv);
        }
    }

    private void bogus(String id, Invocation inv, Completeness.ItemResults res) {
        Element item = res.devices().get(BOGUS_KEY);
        if (item != null) {
            c.v.check(id, child(item, "Error").isPresent(), "unknown key " + BOGUS_KEY
                    + " must get a per-item Error while the good keys succeed", inv);
        }
    }

    private void successEach(String id, Invocation inv, String what, Completeness.ItemResults res) {
        for (var e : res.all().entrySet()) {
            Optional<Element> err = child(e.getValue(), "Error");
            if (err.isPresent()) {
                c.v.fail(id, what + " failed for " + e.getKey() + ": " + Context.describe(err.get()), inv);
            } else {
                c.v.check(id, child(e.getValue(), "Success").isPresent(), what + " item " + e.getKey()
                        + " lacks Success", inv);
            }
        }
    }
}
