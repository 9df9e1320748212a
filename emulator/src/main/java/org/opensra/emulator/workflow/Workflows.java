package org.opensra.emulator.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opensra.emulator.model.ItemForm;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.model.SourceDev;
import org.opensra.emulator.model.SourceGroup;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.workflow.DataChecks.Expectation;
import org.w3c.dom.Element;

/** WF-1..WF-8 in SRM's order, with SRM's retries, against the two sites. */
public final class Workflows {
    private final Context c;
    private final LoadChecks load;
    private final Discovery discovery;
    private final StateChecks states;
    private final Steps steps;
    private final DetailChecks details;
    private final SyncSteps syncs;
    private final RelocationSteps relocations;

    Workflows(Context c) {
        this.c = c;
        this.load = new LoadChecks(c);
        this.discovery = new Discovery(c);
        this.states = new StateChecks(c);
        this.steps = new Steps(c);
        this.details = new DetailChecks(c);
        this.syncs = new SyncSteps(c);
        this.relocations = new RelocationSteps(c);
    }

    /** Runs the selected workflows; a workflow that cannot start because an earlier one aborted is "not run". */
    void runAll() {
        boolean ready = run("WF-1", "Load SRA", () -> {
            load.load(c.a);
            load.load(c.b);
            load.unknownCommandAndLocale(c.a);
            load.hostileRequests(c.a);
        });
        ready = ready && run("WF-2", "Discovery", this::discover);
        if (!ready) {
            for (String wf : List.of("WF-2", "WF-3", "WF-4", "WF-5", "WF-6", "WF-7", "WF-8")) {
                c.v.notRun(wf, "an earlier workflow could not complete");
            }
            return;
        }
        boolean replicatingAB = true;
        if (c.options.wants("WF-3")) {
            replicatingAB = run("WF-3", "Test and test cleanup A to B", this::test);
        }
        boolean migrated = false;
        if (replicatingAB && c.options.wants("WF-4")) {
            migrated = run("WF-4", "Planned migration A to B", () -> planned("WF-4"));
        }
        boolean reprotected = false;
        if (migrated && c.options.wants("WF-6")) {
            reprotected = run("WF-6", "Reprotect B to A", () -> reprotect("WF-6"));
        }
        boolean back = !migrated;
        if (reprotected && c.options.wants("WF-7")) {
            back = run("WF-7", "Failback: test, planned migration and reprotect B to A to B", this::failback);
        }
        if (back && c.protectedSite == c.a && c.options.wants("WF-8")) {
            back = run("WF-8", "Disruptive test: failover and restore A to B", this::restoreWorkflow);
        }
        if (back && c.protectedSite == c.a && c.options.wants("WF-5")) {
            if (c.a.config().canStopAndStart()) {
                run("WF-5", "Disaster recovery with site A down, then prepareFailover and restore", this::disaster);
            } else {
                for (String id : List.of("WF-5", "FO-5", "PF-3")) {
                    c.v.notRun(id, "site A's site file has no stop/start commands");
                }
            }
        }
        quotedNames();
        for (String wf : Options.ALL) {
            if (c.v.status(wf) == org.opensra.emulator.check.Status.NOT_CHECKED) {
                c.v.notRun(wf, c.options.wants(wf) ? "an earlier workflow could not complete" : "not selected");
            }
        }
    }

    /** LOG-3: every object name with a blank that a log mentions is double-quoted there. */
    private void quotedNames() {
        boolean seen = false;
        for (var e : c.log.entries()) {
            String log = e.invocation().stdout();
            for (String name : c.blankNames) {
                for (int i = log.indexOf(name); i >= 0; i = log.indexOf(name, i + 1)) {
                    seen = true;
                    boolean quoted = insideQuotes(log, i, i + name.length());
                    if (!c.v.check("LOG-3", quoted, "object name with a blank not double-quoted in the log: "
                            + name, e.invocation())) {
                        return;
                    }
                }
            }
        }
        if (!seen) {
            c.v.notObservable("LOG-3", c.blankNames.isEmpty() ? "no object in this lab has a name with a blank"
                    : "no object name with a blank appeared in the SRA's logs");
        }
    }

    /** True when text[start, end) lies inside a double-quoted span of its line. */
    private static boolean insideQuotes(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start) + 1;
        int quotes = 0;
        for (int i = lineStart; i < start; i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        int lineEnd = text.indexOf('\n', end);
        int close = text.indexOf('"', end);
        return quotes % 2 == 1 && close >= 0 && (lineEnd < 0 || close < lineEnd);
    }

    private boolean run(String id, String title, Runnable body) {
        c.log.workflow(id + " " + title);
        int before = c.v.violations().size();
        try {
            body.run();
            int added = c.v.violations().size() - before;
            c.v.check(id, added == 0, title + ": " + added + " violation(s) during the workflow", null);
            return true;
        } catch (WorkflowAbort e) {
            c.v.fail(id, title + " aborted: " + e.getMessage(), null);
            return false;
        }
    }

    private void discover() {
        discovery.arrays();
        var da = discovery.devices(c.a);
        var db = discovery.devices(c.b);
        discovery.correlate(da, db);
        c.repl = Replication.fromSources(da.inventory());
        c.initial = c.repl;
        if (c.repl.isEmpty()) {
            c.v.fail("DD-1", "no replicated devices between " + c.a.arrayId() + " and " + c.b.arrayId(),
                    da.invocation());
            throw new WorkflowAbort("nothing to protect");
        }
        states.replicating("DD-2", da, db, c.repl);
        concurrentDiscovery(da, db);
        deviceNameFilter();
        connectionValuesUsed();
        spelledAsSrmDoes(da);
        details.deviceDetails();
    }

    /**
     * TOL-1: real SRM requests put whitespace around element text and may spell Opaques "Opagues" (the table's
     * spelling): discoverDevices so written reports the same devices as the plain request.
     */
    private void spelledAsSrmDoes(Discovery.Discovered plain) {
        java.util.function.UnaryOperator<String> srm = r -> r
                .replaceAll("<(ArrayId|PeerArrayId|Username)>([^<]*)</\\1>", "<$1>\n      $2 \t\n    </$1>")
                .replaceAll("(<Address id=\"[^\"]*\">)([^<]*)(</Address>)", "$1\n          $2\n        $3")
                .replace("<Opaques>", "<Opagues>").replace("</Opaques>", "</Opagues>");
        Invocation inv = c.a.arrayRewritten("discoverDevices", Params.of("discoverDevices", c.a.arrayId(),
                c.b.arrayId(), null), srm);
        var err = Context.topError(inv);
        if (!c.v.check("TOL-1", inv.root().isPresent() && err.isEmpty(), "discoverDevices with whitespace around "
                + "ArrayId, PeerArrayId, Address and Username" + (c.a.config().connection().opaques().isEmpty() ? ""
                : " and Opaques spelled Opagues") + " must be accepted, got " + err.map(Context::describe)
                .orElse("no usable response"), inv)) {
            return;
        }
        var in = org.opensra.emulator.model.Inventory.parse(inv.root().get());
        c.v.check("TOL-1", in.equals(plain.inventory()), "discoverDevices with whitespace around element text "
                + "reports other devices than the plain request", inv);
    }

    /**
     * CONN-2: the SRA works with the Connections values of each request: with every address replaced by one that
     * names no array (RFC 6761 ".invalid"), discoverArrays must be an Error, not the arrays of an earlier connection.
     */
    private void connectionValuesUsed() {
        var base = c.a.config().connection();
        var addresses = new java.util.HashMap<String, String>();
        base.addresses().keySet().forEach(k -> addresses.put(k, NO_SUCH_ARRAY));
        var wrong = new org.opensra.emulator.site.ConnectionValues(base.id(), addresses, base.username(),
                base.password(), base.opaques());
        Invocation inv = c.a.array("discoverArrays", null, wrong);
        boolean arrays = inv.root().flatMap(r -> org.opensra.emulator.xml.Xml.path(r, "Arrays"))
                .map(x -> !org.opensra.emulator.xml.Xml.children(x, "Array").isEmpty()).orElse(false);
        c.v.check("CONN-2", Context.topError(inv).isPresent() && !arrays, "discoverArrays with every Address set to "
                + NO_SUCH_ARRAY + " must be an Error; the SRA answered as if it had reached an array", inv);
    }

    static final String NO_SUCH_ARRAY = "srm-emulator-no-such-array.invalid";

    /** INV-7: several discoverDevices at once at both sites give the same results as one at a time. */
    private void concurrentDiscovery(Discovery.Discovered da, Discovery.Discovered db) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Discovery.Discovered>> runs = new ArrayList<>();
            for (Site s : List.of(c.a, c.b, c.a, c.b)) {
                runs.add(pool.submit(() -> discovery.devices(s)));
            }
            for (var f : runs) {
                Discovery.Discovered d = f.get(30, TimeUnit.MINUTES);
                var expected = d.site() == c.a ? da.inventory() : db.inventory();
                c.v.check("INV-7", d.inventory().equals(expected), "concurrent discoverDevices at site "
                        + d.site().name() + " returned different devices than a single run", d.invocation());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WorkflowAbort a) {
                throw a;
            }
            c.v.fail("INV-7", "concurrent discoverDevices failed: " + e.getCause(), null);
        } catch (java.util.concurrent.TimeoutException e) {
            c.v.fail("INV-7", "concurrent discoverDevices did not finish", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbort("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** CONN-3: with the device-name filter set to a prefix no device has, discoverDevices reports nothing. */
    private void deviceNameFilter() {
        if (c.filterOpaque == null) {
            c.v.notRun("CONN-3", "the SRA offers no optional device-name filter Opaque (id containing filter/prefix)");
            return;
        }
        var base = c.a.config().connection();
        var opaques = new java.util.HashMap<>(base.opaques());
        opaques.put(c.filterOpaque, "srm-emulator-no-such-prefix-");
        var filtered = new org.opensra.emulator.site.ConnectionValues(base.id(), base.addresses(), base.username(),
                base.password(), opaques);
        Invocation inv = c.a.array("discoverDevices", Params.of("discoverDevices", c.a.arrayId(), c.b.arrayId(), null),
                filtered);
        Element root = c.require("CONN-3", inv, "discoverDevices with a device-name filter");
        var in = org.opensra.emulator.model.Inventory.parse(root);
        c.v.check("CONN-3", in.allSourceDevices().isEmpty() && in.allTargetDevices().isEmpty(), "with "
                + c.filterOpaque + "=srm-emulator-no-such-prefix- discoverDevices still reports "
                + (in.allSourceDevices().size() + in.allTargetDevices().size()) + " device(s)", inv);
    }

    /** Discovers both sites, correlates them; returns [protected, recovery]. */
    private Discovery.Discovered[] both() {
        var p = discovery.devices(c.protectedSite);
        var r = discovery.devices(c.recoverySite);
        discovery.correlate(p, r);
        return new Discovery.Discovered[] {p, r};
    }

    /** WF-3: [settings, sync] then testFailoverStart, test cleanup with testFailoverStop (twice). */
    private void test() {
        Map<String, byte[]> written = writeSources("test-" + c.protectedSite.name());
        syncs.replicationSettings();
        boolean syncedBefore = syncs.sync("before test");
        details.recoveryPoints();
        steps.check("checkTestFailoverStart", "TF-1");
        Invocation start = steps.testFailoverStart(true);
        var during = both();
        states.testCopies(during[1], c.repl, true);
        if (c.data.enabled()) {
            List<Expectation> checks = new ArrayList<>();
            for (var d : c.repl.allDevices()) {
                String snap = c.snapshots.get(d.targetKey());
                if (snap != null) {
                    checks.add(Expectation.holds("TF-2", c.recoverySite, snap, written.get(d.sourceId()),
                            "test copy should hold the data written before the sync", start));
                }
            }
            c.data.expectAll(checks);
        }
        testCopiesAreDistinct(start, written);
        steps.testFailoverStartAgain();
        // TF-3: replication continues while the test copy exists: new writes reach the replicas
        Map<String, byte[]> duringTest = writeSources("during-test-" + c.protectedSite.name());
        boolean syncedDuring = syncs.sync("during test");
        c.v.check("TF-3", !syncedBefore || syncedDuring, "sync failed while a test failover was running", null);
        if (syncedDuring && c.data.enabled()) {
            List<Expectation> checks = new ArrayList<>();
            for (var d : c.repl.allDevices()) {
                checks.add(Expectation.holds("TF-3", c.recoverySite, d.targetKey(), duringTest.get(d.sourceId()),
                        "a sync during a test failover must still replicate (writes made during the test)", start));
            }
            c.data.expectAll(checks);
        }
        steps.testFailoverStop("");
        steps.testFailoverStop(" (repeated)");
        var after = both();
        states.testCopies(after[1], c.repl, false);
        states.replicating("DD-3", after[0], after[1], c.repl);
    }

    /**
     * TF-2: the test copy is a device of its own: its id is not the replica's key, and a write to the copy leaves
     * the replica holding the replicated bytes (read back through the data plug-in).
     */
    private void testCopiesAreDistinct(Invocation start, Map<String, byte[]> written) {
        Map<String, String> copyWrites = new LinkedHashMap<>();
        List<Expectation> checks = new ArrayList<>();
        for (var d : c.repl.allDevices()) {
            String snap = c.snapshots.get(d.targetKey());
            if (snap == null) {
                continue;
            }
            if (!c.v.check("TF-2", !snap.equals(d.targetKey()) && !snap.equals(d.sourceId()), "test copy of "
                    + d.targetKey() + " has the replica's own id " + snap + ": testFailoverStart must hand back a copy",
                    start)) {
                continue;
            }
            if (c.data.enabled() && written.get(d.sourceId()) != null) {
                copyWrites.put(snap, "test-write-" + snap);
                checks.add(Expectation.holds("TF-2", c.recoverySite, d.targetKey(), written.get(d.sourceId()),
                        "a write to the test copy " + snap + " must not change the replica", start));
            }
        }
        // every copy is written before any replica is read back: a write that leaked into any replica is seen
        c.data.writeAll("TF-2", c.recoverySite, copyWrites);
        c.data.expectAll(checks);
    }

    /** WF-4: settings, sync, prepareFailover (twice), sync, failover (twice, one bad key). */
    private void planned(String id) {
        syncs.replicationSettings();
        syncs.sync("planned migration, first");
        Map<String, byte[]> written = writeSources("planned-" + c.protectedSite.name());
        steps.prepareFailover("PF-1", c.repl.sourceItems(), "");
        steps.prepareFailover("PF-2", c.repl.sourceItems(), " (repeated)");
        var p = discovery.devices(c.protectedSite);
        states.demoted(p, c.repl);
        syncs.sync("planned migration, after prepareFailover");
        steps.check("checkFailover", "FO-1");
        int before = c.v.violations().size();
        Invocation fo = steps.failover("FO-2", true, false);
        if (c.v.violations().size() == before) {
            steps.failover("FO-3", true, true);
        }
        var d = both();
        states.promoted(d[1], c.repl, c.promoted);
        if (c.data.enabled()) {
            List<Expectation> checks = new ArrayList<>();
            for (var dev : c.repl.allDevices()) {
                String pid = c.promoted.get(dev.targetKey());
                if (pid != null) {
                    checks.add(Expectation.holds("SYNC-6", c.recoverySite, pid, written.get(dev.sourceId()),
                            "promoted device should hold every write made before prepareFailover", fo));
                }
                checks.add(Expectation.holds("FO-6", c.protectedSite, dev.sourceId(), written.get(dev.sourceId()),
                        "failover must keep the original device intact", fo));
            }
            c.data.expectAll(checks);
        }
    }

    /** WF-6: write at the recovery site, prepareReverse/reverse, then settings and sync in the new direction. */
    private void reprotect(String id) {
        Map<String, byte[]> written = new HashMap<>();
        if (c.data.enabled()) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (var dev : c.repl.allDevices()) {
                String pid = c.promoted.get(dev.targetKey());
                if (pid != null) {
                    labels.put(pid, "reprotect-" + c.recoverySite.name());
                }
            }
            written.putAll(c.data.writeAll("REV-1", c.recoverySite, labels));
        }
        relocations.reverse();
        Site newProtected = c.recoverySite;
        Site newRecovery = c.protectedSite;
        var np = discovery.devices(newProtected);
        var nr = discovery.devices(newRecovery);
        discovery.correlate(np, nr);
        undisrupted(np, written);
        Replication next = states.reversed(np, nr, c.repl, c.promoted);
        c.protectedSite = newProtected;
        c.recoverySite = newRecovery;
        c.repl = next;
        c.promoted.clear();
        c.presented.clear();
        c.settings.clear();
        c.snapshots.clear();
        if (c.repl.isEmpty()) {
            throw new WorkflowAbort("nothing replicates from site " + newProtected.name() + " after reverse");
        }
        syncs.replicationSettings();
        syncs.sync("after reverse");
        if (c.data.enabled()) {
            List<Expectation> checks = new ArrayList<>();
            for (var dev : c.repl.allDevices()) {
                byte[] w = written.get(dev.sourceId());
                if (w != null) {
                    checks.add(Expectation.holds("REV-1", c.recoverySite, dev.targetKey(), w,
                            "writes at the recovery site should be carried back by reverse and sync", null));
                }
            }
            c.data.expectAll(checks);
        }
    }

    /**
     * REV-3: reverseReplication leaves production at the recovery site running: each promoted device that failover
     * presented is still presented (Identity) as the new source, and still holds what was written to it.
     */
    private void undisrupted(Discovery.Discovered newProtected, Map<String, byte[]> written) {
        List<Expectation> checks = new ArrayList<>();
        for (var dev : c.repl.allDevices()) {
            String pid = c.promoted.get(dev.targetKey());
            if (pid == null) {
                continue;
            }
            var sd = newProtected.inventory().sourceDevice(pid);
            if (sd.isPresent() && c.presented.contains(dev.targetKey())) {
                c.v.check("REV-3", sd.get().identity(), "device " + pid + " was presented after failover but is "
                        + "reported without Identity after reverseReplication (production there lost its disk)",
                        newProtected.invocation());
            }
            if (written.get(pid) != null) {
                checks.add(Expectation.holds("REV-3", newProtected.site(), pid, written.get(pid),
                        "right after reverseReplication the production device must still hold what was written to it",
                        newProtected.invocation()));
            }
        }
        c.data.expectAll(checks);
    }

    /** WF-7: test, planned migration and reprotect in the opposite direction; both sites back in their roles. */
    private void failback() {
        test();
        planned("WF-7");
        reprotect("WF-7");
        var d = both();
        c.v.check("WF-7", c.protectedSite == c.a, "after failback site A should be the protected site again", null);
        List<String> want = new ArrayList<>(c.initial.allDevices().stream().map(Replication.DevicePair::sourceId).toList());
        List<String> got = new ArrayList<>(c.repl.allDevices().stream().map(Replication.DevicePair::sourceId).toList());
        want.sort(null);
        got.sort(null);
        c.v.check("WF-7", want.equals(got), "after failback site A's sources are " + got + ", originally " + want,
                d[0].invocation());
        states.replicating("WF-7", d[0], d[1], c.repl);
    }

    /** WF-8: failover, write at the recovery site, prepareRestore/restore, sync; the recovery site's changes are gone. */
    private void restoreWorkflow() {
        Map<String, byte[]> written = writeSources("restore-" + c.protectedSite.name());
        syncs.replicationSettings();
        syncs.sync("before disruptive test");
        steps.prepareFailover("PF-1", c.repl.sourceItems(), "");
        syncs.sync("after prepareFailover");
        steps.failover("FO-2", false, false);
        restoreAndCheck(written);
    }

    private void restoreAndCheck(Map<String, byte[]> expectedAtSource) {
        Map<String, byte[]> junk = new HashMap<>();
        if (c.data.enabled()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> sourceOf = new HashMap<>();
            for (var dev : c.repl.allDevices()) {
                String pid = c.promoted.get(dev.targetKey());
                if (pid != null) {
                    labels.put(pid, "junk-" + pid);
                    sourceOf.put(pid, dev.sourceId());
                }
            }
            c.data.writeAll("RES-1", c.recoverySite, labels).forEach((pid, bytes) -> junk.put(sourceOf.get(pid), bytes));
        }
        relocations.restore();
        var d = both();
        states.replicating("RES-2", d[0], d[1], c.repl);
        c.promoted.clear();
        c.presented.clear();
        c.snapshots.clear();
        syncs.sync("after restore");
        if (c.data.enabled()) {
            List<Expectation> checks = new ArrayList<>();
            for (var dev : c.repl.allDevices()) {
                byte[] want = expectedAtSource.get(dev.sourceId());
                if (want != null) {
                    checks.add(Expectation.holds("RES-1", c.protectedSite, dev.sourceId(), want,
                            "protected device should be unchanged by failover and restore", null));
                    checks.add(Expectation.holds("RES-1", c.recoverySite, dev.targetKey(), want,
                            "after restore and sync the replica should equal the protected device", null));
                }
                byte[] discarded = junk.get(dev.sourceId());
                if (discarded != null) {
                    checks.add(Expectation.holdsNot("RES-1", c.recoverySite, dev.targetKey(), discarded,
                            "restore should discard writes made at the recovery site", null));
                }
            }
            c.data.expectAll(checks);
        }
    }

    /** WF-5: failover while site A is stopped (twice), start A, prepareFailover on what A still reports as source. */
    private void disaster() {
        Map<String, byte[]> written = writeSources("disaster-" + c.protectedSite.name());
        syncs.replicationSettings();
        syncs.sync("before disaster");
        Site p = c.protectedSite;
        siteCommand(p, p.config().stop(), "stop");
        boolean started = false;
        try {
            int before = c.v.violations().size();
            Invocation fo = steps.failover("FO-5", true, false);
            if (c.v.violations().size() == before) {
                steps.failover("FO-3", true, true);
            }
            var r = discovery.devices(c.recoverySite);
            states.promoted(r, c.repl, c.promoted);
            if (c.data.enabled()) {
                List<Expectation> checks = new ArrayList<>();
                for (var dev : c.repl.allDevices()) {
                    String pid = c.promoted.get(dev.targetKey());
                    if (pid != null) {
                        checks.add(Expectation.holds("FO-5", c.recoverySite, pid, written.get(dev.sourceId()),
                                "promoted device after a disaster failover should hold the last synced data", fo));
                    }
                }
                c.data.expectAll(checks);
            }
            siteCommand(p, p.config().start(), "start");
            started = true;
        } finally {
            if (!started) {
                siteCommand(p, p.config().start(), "start");
            }
        }
        var pd = discovery.devices(p);
        ItemSet stillSource = stillSource(pd);
        int before = c.v.violations().size();
        if (!stillSource.isEmpty()) {
            steps.prepareFailover("PF-3", stillSource, " (after disaster failover)");
            steps.prepareFailover("PF-3", stillSource, " (after disaster failover, repeated)");
        }
        var after = discovery.devices(p);
        if (c.v.violations().size() == before) {
            states.demoted(after, c.repl);
        }
        restoreAndCheck(written);
    }

    private ItemSet stillSource(Discovery.Discovered p) {
        List<String> groups = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        for (var g : c.repl.groups()) {
            p.inventory().sourceGroup(g.sourceId()).map(SourceGroup::id).ifPresent(groups::add);
        }
        for (var d : c.repl.devices()) {
            p.inventory().sourceDevices().stream().filter(x -> x.id().equals(d.sourceId())).map(SourceDev::id)
                    .forEach(devices::add);
        }
        return new ItemSet(ItemForm.SOURCE, groups, devices);
    }

    private void siteCommand(Site s, List<String> cmd, String what) {
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            proc.getOutputStream().close();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.descendants().forEach(ProcessHandle::destroyForcibly);
                proc.destroyForcibly();
                throw new WorkflowAbort("the " + what + " command of site " + s.name() + " timed out");
            }
            if (proc.exitValue() != 0) {
                throw new WorkflowAbort("the " + what + " command of site " + s.name() + " exited "
                        + proc.exitValue());
            }
        } catch (IOException e) {
            throw new WorkflowAbort("cannot run the " + what + " command of site " + s.name() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbort("interrupted");
        }
    }

    /** Writes a fresh pattern to every source device of the protected site (data checks). */
    private Map<String, byte[]> writeSources(String label) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (c.data.enabled()) {
            for (var d : c.repl.allDevices()) {
                labels.put(d.sourceId(), label);
            }
        }
        return new HashMap<>(c.data.writeAll("SYNC-1", c.protectedSite, labels));
    }
}
