package org.opensra.emulator.workflow;

import java.util.Map;
import java.util.Optional;
import org.opensra.emulator.model.Inventory;
import org.opensra.emulator.model.SourceDev;
import org.opensra.emulator.model.SourceGroup;
import org.opensra.emulator.model.TargetDev;
import org.opensra.emulator.model.TargetGroup;
import org.opensra.emulator.sra.Invocation;

/** The device states SRM expects discoverDevices to show after each step (DD-2..DD-6, TF-7, TF-8). */
final class StateChecks {
    private final Context c;

    StateChecks(Context c) {
        this.c = c;
    }

    /** Plain replication: sources read-write at the protected site, replicas (not promoted, no test copy) at the other. */
    void replicating(String id, Discovery.Discovered p, Discovery.Discovered r, Replication repl) {
        Inventory ip = p.inventory();
        Inventory ir = r.inventory();
        for (var g : repl.groups()) {
            Optional<SourceGroup> sg = ip.sourceGroup(g.sourceId());
            if (c.v.check(id, sg.isPresent(), "ConsistencyGroup " + g.sourceId() + " is no longer reported as a source",
                    p.invocation())) {
                c.v.check(id, "read-write".equals(sg.get().state()), "ConsistencyGroup " + g.sourceId()
                        + " should be read-write, is " + sg.get().state(), p.invocation());
            }
            Optional<TargetGroup> tg = ir.targetGroup(g.targetKey());
            // at discovery the correlation of the two sites (DD-1, DD-6) already reports a missing target
            if (tg.isEmpty() && id.equals("DD-2")) {
                continue;
            }
            if (c.v.check(id, tg.isPresent(), "TargetGroup " + g.targetKey() + " is not reported", r.invocation())) {
                c.v.check(id, !tg.get().promoted() && tg.get().id() == null, "TargetGroup " + g.targetKey()
                        + " should be a plain replica, is promoted", r.invocation());
            }
        }
        for (var d : repl.allDevices()) {
            Optional<SourceDev> sd = ip.sourceDevice(d.sourceId());
            if (c.v.check(id, sd.isPresent(), "SourceDevice " + d.sourceId() + " is no longer reported as a source",
                    p.invocation())) {
                c.v.check(id, sd.get().readWrite(), "SourceDevice " + d.sourceId() + " should be read-write, is "
                        + sd.get().state(), p.invocation());
                c.v.check("DD-8", d.targetKey().equals(sd.get().targetKey()), "SourceDevice " + d.sourceId()
                        + " changed its TargetDevice key from " + d.targetKey() + " to " + sd.get().targetKey(),
                        p.invocation());
            }
            Optional<TargetDev> td = ir.targetDevice(d.targetKey());
            if (td.isEmpty() && id.equals("DD-2")) {
                continue;
            }
            if (c.v.check(id, td.isPresent(), "TargetDevice " + d.targetKey() + " is not reported", r.invocation())) {
                c.v.check(id, td.get().id() == null && td.get().state() == null, "TargetDevice " + d.targetKey()
                        + " should be a plain replica, is promoted as " + td.get().id(), r.invocation());
            }
        }
    }

    /** TF-8 / TF-7: test copies visible while a test runs, gone after testFailoverStop. */
    void testCopies(Discovery.Discovered r, Replication repl, boolean expected) {
        String id = expected ? "TF-8" : "TF-7";
        Inventory ir = r.inventory();
        Invocation inv = r.invocation();
        for (var g : repl.groups()) {
            ir.targetGroup(g.targetKey()).ifPresent(tg -> {
                boolean has = tg.snapshotId() != null;
                c.v.check(id, has == expected, "TargetGroup " + g.targetKey() + (expected
                        ? " shows no Snapshot while a test runs" : " still shows Snapshot " + tg.snapshotId()
                        + " after testFailoverStop"), inv);
            });
        }
        for (var d : repl.devices()) {
            ir.targetDevice(d.targetKey()).ifPresent(td -> {
                boolean has = td.snapshotId() != null;
                c.v.check(id, has == expected, "TargetDevice " + d.targetKey() + (expected
                        ? " shows no Snapshot while a test runs" : " still shows Snapshot " + td.snapshotId()
                        + " after testFailoverStop"), inv);
            });
        }
    }

    /** After prepareFailover: sources made read-only (PF-1, DD-6 for groups), reported without Identity (DD-4). */
    void demoted(Discovery.Discovered p, Replication repl) {
        Inventory ip = p.inventory();
        for (var g : repl.groups()) {
            ip.sourceGroup(g.sourceId()).ifPresentOrElse(sg -> c.v.check("DD-6", "read-only".equals(sg.state()),
                    "ConsistencyGroup " + g.sourceId() + " should be read-only after prepareFailover, is " + sg.state(),
                    p.invocation()), () -> c.v.fail("DD-4", "ConsistencyGroup " + g.sourceId()
                    + " vanished after prepareFailover (a demoted source is still reported)", p.invocation()));
        }
        for (var d : repl.allDevices()) {
            Optional<SourceDev> sd = ip.sourceDevice(d.sourceId());
            if (c.v.check("DD-4", sd.isPresent(), "SourceDevice " + d.sourceId()
                    + " vanished after prepareFailover (a demoted source is still reported)", p.invocation())) {
                boolean readOnly = "read-only".equals(sd.get().state());
                c.v.check("PF-1", readOnly, "SourceDevice " + d.sourceId() + " should be read-only after "
                        + "prepareFailover, is " + sd.get().state(), p.invocation());
                c.v.check("DD-4", !readOnly || !sd.get().identity(), "SourceDevice " + d.sourceId()
                        + " is a demoted source (read-only) but still reported with an Identity", p.invocation());
            }
        }
    }

    /** DD-3 / DD-6 after failover: targets promoted with the ids failover reported. */
    void promoted(Discovery.Discovered r, Replication repl, Map<String, String> promoted) {
        Inventory ir = r.inventory();
        for (var g : repl.groups()) {
            if (!promoted.containsKey(g.targetKey())) {
                continue; // failover itself failed for it, already reported
            }
            ir.targetGroup(g.targetKey()).ifPresentOrElse(tg -> c.v.check("DD-6", tg.promoted()
                    && java.util.Objects.equals(tg.id(), promoted.get(g.targetKey())), "TargetGroup " + g.targetKey()
                    + " should be promoted as " + promoted.get(g.targetKey()) + " (read-write), is id=" + tg.id()
                    + " state=" + tg.state(), r.invocation()), () -> c.v.fail("DD-6", "TargetGroup " + g.targetKey()
                    + " not reported after failover", r.invocation()));
        }
        for (var d : repl.allDevices()) {
            if (!promoted.containsKey(d.targetKey())) {
                continue;
            }
            Optional<TargetDev> td = ir.targetDevice(d.targetKey());
            if (c.v.check("DD-3", td.isPresent(), "TargetDevice " + d.targetKey() + " not reported after failover",
                    r.invocation())) {
                c.v.check("DD-3", td.get().promoted() && java.util.Objects.equals(td.get().id(),
                        promoted.get(d.targetKey())), "TargetDevice " + d.targetKey() + " should be promoted as "
                        + promoted.get(d.targetKey()) + " (read-write), is id=" + td.get().id() + " state="
                        + td.get().state(), r.invocation());
            }
        }
    }

    /**
     * DD-5 after reverseReplication: the promoted devices are sources at the new protected site, the old
     * sources are targets at the other. Returns the new replication direction: the reversed items only.
     */
    Replication reversed(Discovery.Discovered newProtected, Discovery.Discovered newRecovery, Replication old,
                         Map<String, String> promoted) {
        Inventory np = newProtected.inventory();
        for (var g : old.groups()) {
            String pid = promoted.get(g.targetKey());
            c.v.check("DD-5", pid != null && np.sourceGroup(pid).isPresent(), "after reverseReplication the promoted "
                    + "group " + pid + " should be a ConsistencyGroup at site " + newProtected.site().name(),
                    newProtected.invocation());
        }
        for (var d : old.allDevices()) {
            String pid = promoted.get(d.targetKey());
            Optional<SourceDev> sd = pid == null ? Optional.empty() : np.sourceDevice(pid);
            if (c.v.check("DD-5", sd.isPresent(), "after reverseReplication the promoted device " + pid
                    + " should be a SourceDevice at site " + newProtected.site().name(), newProtected.invocation())) {
                c.v.check("DD-5", sd.get().readWrite(), "reversed SourceDevice " + pid + " should be read-write",
                        newProtected.invocation());
                c.v.check("DD-5", sd.get().targetKey() != null
                                && newRecovery.inventory().targetDevice(sd.get().targetKey()).isPresent(),
                        "reversed SourceDevice " + pid + "'s target " + sd.get().targetKey() + " is not reported at site "
                                + newRecovery.site().name(), newRecovery.invocation());
            }
        }
        return Replication.fromSources(np).restrictedTo(new java.util.HashSet<>(promoted.values()));
    }
}
