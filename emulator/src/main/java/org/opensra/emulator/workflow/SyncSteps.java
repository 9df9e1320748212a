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

/** The sync family at the sync location (CAP-4): queryReplicationSettings, syncOnce, querySyncStatus (RS-1, SYNC-1..4). */
final class SyncSteps {
    private static final Set<String> SYNC_STATUSES = Set.of("inProgress", "InProgress", "complete", "completed");

    private final Context c;

    SyncSteps(Context c) {
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
}
