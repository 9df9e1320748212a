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
import org.opensra.emulator.model.ItemForm;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.xml.Xml;
import org.w3c.dom.Element;

/** The per-item SRM commands with their checks: settings, sync, test, prepareFailover, failover, reverse, restore. */
final class Steps {
    static final String BOGUS_KEY = "srm-emulator-no-such-key";
    private static final String INITIATOR_GROUP = "srm-emulator-esx";
    private static final String INITIATOR = "iqn.1998-01.com.vmware:srm-emulator-esx01";
    private static final Set<String> SYNC_STATUSES = Set.of("inProgress", "InProgress", "complete", "completed");

    private final Context c;
    private final java.time.Instant started = java.time.Instant.now();

    Steps(Context c) {
        this.c = c;
    }

    /** Where syncOnce, querySyncStatus and queryReplicationSettings run (CAP-4). */
    Site syncSite() {
        return c.caps.runsAtTarget("syncOnce") ? c.recoverySite : c.protectedSite;
    }

    private ItemSet itemsAt(Site s) {
        return s == c.protectedSite ? c.repl.sourceItems() : c.repl.targetItems();
    }

    /** queryReplicationSettings at the sync location; keeps the settings per item for reverse/restore (RS-1). */
    void replicationSettings() {
        if (!c.caps.supports("queryReplicationSettings")) {
            c.v.notRun("RS-1", "queryReplicationSettings not supported");
            return;
        }
        Site s = syncSite();
        ItemSet items = itemsAt(s);
        Invocation inv = s.array("queryReplicationSettings",
                Params.of("queryReplicationSettings", s.arrayId(), c.other(s).arrayId(), items.xml("    ")));
        c.require("RS-1", inv, "queryReplicationSettings");
        var res = Completeness.check(c.v, inv, items);
        boolean atSource = s == c.protectedSite;
        for (var g : c.repl.groups()) {
            Element item = res.groups().get(atSource ? g.sourceId() : g.targetKey());
            keep(inv, item, "G:" + g.sourceId());
        }
        for (var d : c.repl.devices()) {
            Element item = res.devices().get(atSource ? d.sourceId() : d.targetKey());
            keep(inv, item, "D:" + d.sourceId());
        }
    }

    private void keep(Invocation inv, Element item, String key) {
        if (item == null) {
            return;
        }
        Optional<Element> rs = child(item, "ReplicationSettings");
        c.v.check("RS-1", rs.isPresent() || child(item, "Error").isPresent(),
                "item " + key.substring(2) + " carries neither ReplicationSettings nor an Error", inv);
        rs.ifPresent(e -> c.settings.put(key, Xml.serialize(e)));
    }

    /** syncOnce, then querySyncStatus polled with RemainingTimeEstimate until complete (SYNC-1..SYNC-4). */
    boolean sync(String why) {
        if (!c.caps.supports("syncOnce")) {
            c.v.notRun("SYNC-1", "syncOnce not supported");
            return true;
        }
        Site s = syncSite();
        ItemSet items = itemsAt(s);
        boolean ok = true;
        for (int round = 1; round <= 3; round++) {
            Invocation inv = s.array("syncOnce",
                    Params.of("syncOnce", s.arrayId(), c.other(s).arrayId(), items.xml("    ")));
            c.require("SYNC-1", inv, "syncOnce (" + why + ")");
            if (!sameForm(inv, items.form(), "syncOnce (" + why + ")")) {
                return false;
            }
            var res = Completeness.check(c.v, inv, items);
            Map<String, String> groupSync = new LinkedHashMap<>();
            Map<String, String> deviceSync = new LinkedHashMap<>();
            Map<String, Long> estimates = new HashMap<>();
            boolean another = false;
            for (var e : res.all().entrySet()) {
                Element item = e.getValue();
                Optional<Element> err = child(item, "Error");
                if (err.isPresent()) {
                    c.v.fail("SYNC-1", "syncOnce (" + why + ") failed for " + e.getKey() + ": "
                            + Context.describe(err.get()), inv);
                    ok = false;
                    continue;
                }
                Optional<Element> ds = child(item, "DeviceSync");
                if (!c.v.check("SYNC-1", ds.isPresent() && attr(ds.get(), "id") != null,
                        "syncOnce item " + e.getKey() + " lacks DeviceSync with an id", inv)) {
                    ok = false;
                    continue;
                }
                boolean inProgress500 = Context.warnings(item).stream().anyMatch(w -> "500".equals(attr(w, "code")));
                if (inProgress500) {
                    another = true;
                    c.v.pass("SYNC-2");
                }
                String status = attr(ds.get(), "status");
                c.v.check("SYNC-1", status != null && SYNC_STATUSES.contains(status.trim()),
                        "DeviceSync status \"" + status + "\" is not inProgress or complete", inv);
                writtenStatus(inv, status);
                if (status != null && status.trim().startsWith("complete")) {
                    continue;
                }
                String syncId = attr(ds.get(), "id");
                (res.groups().containsKey(e.getKey()) ? groupSync : deviceSync).put(e.getKey(), syncId);
                estimates.put(e.getKey(), estimate(ds.get()));
            }
            ok &= poll(s, items.form(), groupSync, deviceSync, estimates, why);
            if (!another) {
                break;
            }
        }
        return ok;
    }

    /**
     * SYNC-4: at the source the results name groups and devices by id (ConsistencyGroups, SourceDevices), at the
     * target by key (TargetGroups, TargetDevices), as the request did. A response in the other form is judged here
     * alone: its items are not looked for again (RESP-1).
     */
    private boolean sameForm(Invocation inv, ItemForm form, String what) {
        Element results = inv.root().flatMap(r -> path(r, org.opensra.emulator.check.ResultNames.of(inv.command())))
                .orElse(null);
        List<String> other = children(results).stream().map(Xml::local)
                .filter(n -> !n.equals(form.groupContainer) && !n.equals(form.deviceContainer)).toList();
        return c.v.check("SYNC-4", other.isEmpty(), what + " was asked in the " + (form == ItemForm.SOURCE
                ? "source form (ConsistencyGroups, SourceDevices by id)" : "target form (TargetGroups, TargetDevices by key)")
                + " but answers with " + other, inv);
    }

    /** TOL-1a: SRM accepts InProgress and completed too, but the syncOnce table writes inProgress and complete. */
    private void writtenStatus(Invocation inv, String status) {
        if (status != null && SYNC_STATUSES.contains(status.trim())) {
            c.v.check("TOL-1a", status.equals("inProgress") || status.equals("complete"), "DeviceSync status \""
                    + status + "\": SRM tolerates it, but an SRA writes inProgress or complete (syncOnce table)", inv);
        }
    }

    private boolean poll(Site s, ItemForm form, Map<String, String> groups, Map<String, String> devices,
                         Map<String, Long> estimates, String why) {
        long deadline = System.nanoTime() + c.options.syncTimeout().toNanos();
        boolean ok = true;
        while (!groups.isEmpty() || !devices.isEmpty()) {
            long wait = estimates.values().stream().mapToLong(Long::longValue).min().orElse(0);
            wait = Math.max(c.options.minPoll().toMillis(), Math.min(wait, c.options.maxPoll().toMillis()));
            sleep(wait);
            if (System.nanoTime() > deadline) {
                c.v.fail("SYNC-3", "sync (" + why + ") still in progress after " + c.options.syncTimeout().toSeconds()
                        + " s for " + groups.keySet() + devices.keySet(), null);
                return false;
            }
            ItemSet pending = new ItemSet(form, List.copyOf(groups.keySet()), List.copyOf(devices.keySet()));
            Invocation inv = s.array("querySyncStatus", Params.of("querySyncStatus", s.arrayId(),
                    c.other(s).arrayId(), pending.xml("    ", g -> " syncId=\"" + esc(groups.get(g)) + "\"", g -> "",
                            d -> " syncId=\"" + esc(devices.get(d)) + "\"", d -> "")));
            c.require("SYNC-3", inv, "querySyncStatus (" + why + ")");
            if (!sameForm(inv, form, "querySyncStatus (" + why + ")")) {
                return false;
            }
            var res = Completeness.check(c.v, inv, pending);
            estimates.clear();
            for (var e : res.all().entrySet()) {
                Element item = e.getValue();
                Optional<Element> err = child(item, "Error");
                if (err.isPresent()) {
                    c.v.fail("SYNC-3", "querySyncStatus (" + why + ") reports an Error for " + e.getKey() + ": "
                            + Context.describe(err.get()), inv);
                    groups.remove(e.getKey());
                    devices.remove(e.getKey());
                    ok = false;
                    continue;
                }
                Optional<Element> ds = child(item, "DeviceSync");
                String status = ds.map(x -> attr(x, "status")).orElse(null);
                if (!c.v.check("SYNC-3", status != null && SYNC_STATUSES.contains(status.trim()),
                        "querySyncStatus item " + e.getKey() + " has no DeviceSync status inProgress|complete (got "
                                + status + ")", inv)) {
                    groups.remove(e.getKey());
                    devices.remove(e.getKey());
                    ok = false;
                    continue;
                }
                writtenStatus(inv, status);
                if (status.trim().startsWith("complete")) {
                    groups.remove(e.getKey());
                    devices.remove(e.getKey());
                } else {
                    estimates.put(e.getKey(), estimate(ds.get()));
                }
            }
            // items missing from the response were already reported (RESP-1); stop polling them
            groups.keySet().retainAll(res.groups().keySet());
            devices.keySet().retainAll(res.devices().keySet());
        }
        return ok;
    }

    private static long estimate(Element deviceSync) {
        try {
            return Long.parseLong(text(deviceSync, "RemainingTimeEstimate")) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbort("interrupted");
        }
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
        Map<String, List<String>> members = new HashMap<>();
        c.repl.groups().forEach(g -> members.put(g.targetKey(), g.members().stream()
                .map(Replication.DevicePair::targetKey).toList()));
        return accessGroups() + items.xml("    ", g -> "", g -> {
            if (!c.caps.dynamicAccessRestriction()) {
                return "";
            }
            StringBuilder b = new StringBuilder("        <TargetDevices>\n");
            for (String k : members.getOrDefault(g, List.of())) {
                b.append("          <TargetDevice key=\"").append(esc(k)).append("\">\n")
                        .append(itemAccess("            ")).append("          </TargetDevice>\n");
            }
            return b.append("        </TargetDevices>\n").toString();
        }, d -> "", d -> itemAccess("        "));
    }

    /** testFailoverStart with one unknown key among the good ones (TF-2, TF-4, TF-5, RP-3). */
    Invocation testFailoverStart(boolean withBogusKey) {
        Site r = c.recoverySite;
        ItemSet good = c.repl.targetItems();
        ItemSet items = withBogusKey ? good.plusDevice(BOGUS_KEY) : good;
        Invocation inv = r.array("testFailoverStart",
                Params.of("testFailoverStart", r.arrayId(), null, recoveryBody(items)));
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

    /** prepareReverseReplication (opposite site) and reverseReplication (REV-1, REV-6, REV-7). */
    void reverse() {
        Site desiredSource = c.recoverySite;
        Site desiredTarget = c.protectedSite;
        Site loc = c.caps.runsAtTarget("reverseReplication") ? desiredTarget : desiredSource;
        if (c.caps.supports("prepareReverseReplication")) {
            relocate("prepareReverseReplication", "REV-1", c.other(loc), desiredSource);
        }
        relocate("reverseReplication", "REV-1", loc, desiredSource);
        relocate("reverseReplication", "REV-5", loc, desiredSource);
        c.v.pass("REV-6");
    }

    /** prepareRestoreReplication (opposite site) and restoreReplication (RES-1, RES-5, RES-6). */
    void restore() {
        Site desiredSource = c.protectedSite;
        Site desiredTarget = c.recoverySite;
        Site loc = c.caps.runsAtTarget("restoreReplication") ? desiredTarget : desiredSource;
        if (c.caps.supports("prepareRestoreReplication")) {
            relocate("prepareRestoreReplication", "RES-1", c.other(loc), desiredSource);
        }
        relocate("restoreReplication", "RES-1", loc, desiredSource);
        relocate("restoreReplication", "RES-4", loc, desiredSource);
        c.v.pass("RES-5");
    }

    /** reverse/restore family: ids of the site the command runs at, with the kept ReplicationSettings. */
    private void relocate(String command, String id, Site at, Site desiredSource) {
        boolean atOriginal = at == c.protectedSite;
        ItemSet items = atOriginal ? c.repl.originalIds() : c.repl.promotedIds(c.promoted);
        Map<String, String> settingsByItem = new HashMap<>();
        for (int i = 0; i < c.repl.groups().size(); i++) {
            settingsByItem.put("G" + items.groups().get(i), c.settings.get("G:" + c.repl.groups().get(i).sourceId()));
        }
        for (int i = 0; i < c.repl.devices().size(); i++) {
            settingsByItem.put("D" + items.devices().get(i), c.settings.get("D:" + c.repl.devices().get(i).sourceId()));
        }
        String body = items.xml("    ", g -> "", g -> indent(settingsByItem.get("G" + g)), d -> "",
                d -> indent(settingsByItem.get("D" + d)));
        Invocation inv = at.array(command, Params.of(command, at.arrayId(), c.other(at).arrayId(), body));
        c.require(id, inv, command);
        var res = Completeness.check(c.v, inv, items);
        successEach(id, inv, command, res);
    }

    private static String indent(String xml) {
        return xml == null ? "" : "        " + xml + "\n";
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
