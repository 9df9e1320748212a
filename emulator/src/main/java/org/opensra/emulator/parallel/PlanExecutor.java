package org.opensra.emulator.parallel;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.child;
import static org.opensra.emulator.xml.Xml.esc;
import static org.opensra.emulator.xml.Xml.children;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/** Runs the SRM commands of one recovery plan on its protection group; a step that fails throws {@link PlanFailure}. */
final class PlanExecutor {
    private final SraSession sra;
    private final Duration syncTimeout;
    /** Target key to the promoted id reported by failover, from every failover plan. */
    private final Map<String, String> promoted = new ConcurrentHashMap<>();

    PlanExecutor(SraSession sra, Duration syncTimeout) {
        this.sra = sra;
        this.syncTimeout = syncTimeout;
    }

    Map<String, String> promoted() {
        return promoted;
    }

    void run(Plan p) {
        switch (p.kind()) {
            case TEST -> {
                testFailoverStart(p.unit());
                testFailoverStop(p.unit());
            }
            case SYNC -> sync(p.unit());
            case FAILOVER -> {
                sync(p.unit());
                prepareFailover(p.unit());
                failover(p.unit());
            }
            case DISCOVER -> {
                SraSession.ok(sra.array(p.protectedSite(), "discoverDevices", true, null));
                SraSession.ok(sra.array(p.recoverySite(), "discoverDevices", true, null));
            }
            default -> throw new IllegalStateException(p.kind().toString());
        }
    }

    /** testFailoverStart at the recovery site, judged by the caller (a conflict expects one refusal). */
    Invocation startTest(Unit u) {
        return sra.array(u.recoverySite(), "testFailoverStart", false, sra.recoveryBody(u));
    }

    void testFailoverStart(Unit u) {
        Invocation inv = startTest(u);
        Element item = one(inv, SraSession.targetItems(u));
        if (child(item, "Snapshot").map(s -> attr(s, "id")).isEmpty()) {
            throw new PlanFailure(inv.label() + ": " + u.label() + " result lacks a Snapshot id");
        }
    }

    void testFailoverStop(Unit u) {
        ItemSet items = SraSession.targetItems(u);
        SraSession.items(sra.array(u.recoverySite(), "testFailoverStop", false, items.xml("    ")), items);
    }

    void prepareFailover(Unit u) {
        ItemSet items = SraSession.sourceItems(u);
        SraSession.items(sra.array(u.protectedSite(), "prepareFailover", false, items.xml("    ")), items);
    }

    void failover(Unit u) {
        Invocation inv = sra.array(u.recoverySite(), "failover", false, sra.recoveryBody(u));
        Element item = one(inv, SraSession.targetItems(u));
        Map<String, String> ids = SraSession.promotedIds(u, item);
        if (!u.group() && !"read-write".equals(attr(item, "state"))) {
            throw new PlanFailure(inv.label() + ": " + u.label() + " not reported read-write after failover");
        }
        promoted.putAll(ids);
    }

    /** syncOnce at the sync location, then querySyncStatus until complete (again when another sync ran, warning 500). */
    void sync(Unit u) {
        boolean atTarget = sra.caps().runsAtTarget("syncOnce");
        String site = atTarget ? u.recoverySite() : u.protectedSite();
        ItemSet items = atTarget ? SraSession.targetItems(u) : SraSession.sourceItems(u);
        for (int round = 1; round <= 3; round++) {
            Invocation inv = sra.array(site, "syncOnce", true, items.xml("    "));
            Element item = one(inv, items);
            Element ds = child(item, "DeviceSync").orElseThrow(() -> new PlanFailure(inv.label() + ": no DeviceSync"));
            String status = attr(ds, "status");
            if (status == null || !status.trim().startsWith("complete")) {
                poll(site, items, attr(ds, "id"));
            }
            if (!anotherSyncRan(item)) {
                return;
            }
        }
    }

    private void poll(String site, ItemSet items, String syncId) {
        long deadline = System.nanoTime() + syncTimeout.toNanos();
        String id = items.groups().isEmpty() ? items.devices().get(0) : items.groups().get(0);
        boolean group = !items.groups().isEmpty();
        while (true) {
            sleep(500);
            if (System.nanoTime() > deadline) {
                throw new PlanFailure("sync of " + id + " at site " + site + " not complete after "
                        + syncTimeout.toSeconds() + " s");
            }
            ItemSet pending = new ItemSet(items.form(), group ? List.of(id) : List.of(), group ? List.of() : List.of(id));
            Invocation inv = sra.array(site, "querySyncStatus", true, pending.xml("    ",
                    g -> " syncId=\"" + esc(syncId) + "\"", g -> "", d -> " syncId=\"" + esc(syncId) + "\"", d -> ""));
            Element item = one(inv, pending);
            String status = child(item, "DeviceSync").map(d -> attr(d, "status")).orElse(null);
            if (status == null) {
                throw new PlanFailure(inv.label() + ": " + id + " has no DeviceSync status");
            }
            if (status.trim().startsWith("complete")) {
                return;
            }
        }
    }

    /** The single requested item of a per-item answer, without an Error. */
    private static Element one(Invocation inv, ItemSet items) {
        Map<String, Element> all = SraSession.items(inv, items);
        String id = items.groups().isEmpty() ? items.devices().get(0) : items.groups().get(0);
        return all.get(id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanFailure("interrupted");
        }
    }

    /** Warning 500 on a syncOnce item: another sync was running, SRM syncs again (SYNC-2). */
    private static boolean anotherSyncRan(Element item) {
        List<Element> w = new ArrayList<>(children(item, "Warning"));
        child(item, "Warnings").ifPresent(ws -> w.addAll(children(ws, "Warning")));
        return w.stream().anyMatch(x -> "500".equals(attr(x, "code")));
    }
}
