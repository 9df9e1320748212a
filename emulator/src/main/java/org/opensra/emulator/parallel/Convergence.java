package org.opensra.emulator.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opensra.emulator.data.DataPlugin;
import org.opensra.emulator.data.DataPluginException;
import org.opensra.emulator.model.Inventory;
import org.opensra.emulator.model.SourceDev;
import org.opensra.emulator.model.TargetDev;
import org.opensra.emulator.model.TargetGroup;

/**
 * After all plans: the state both arrays report (discoverDevices at both sites) and the data read through the
 * sites' data plug-ins agree with what the plans did: failed-over groups promoted at the recovery site and
 * read-only at the protected site; every other group still a read-write source with an idle target (no test copy
 * left, not promoted); synced and failed-over data readable at the recovery site.
 */
final class Convergence {
    private final Map<String, Inventory> inventories;
    private final Map<String, DataPlugin> plugins;
    private final List<String> problems = new ArrayList<>();
    private int verifiedReads;

    Convergence(Map<String, Inventory> inventories, Map<String, DataPlugin> plugins) {
        this.inventories = inventories;
        this.plugins = plugins;
    }

    List<String> problems() {
        return problems;
    }

    /** Data reads that returned exactly the bytes written before the plans. */
    int verifiedReads() {
        return verifiedReads;
    }

    void failedOver(Unit u, Map<String, String> promoted, Map<String, byte[]> written) {
        Inventory rec = inventories.get(u.recoverySite());
        for (Unit.Member m : u.members()) {
            TargetDev t = rec.targetDevice(m.targetKey()).orElse(null);
            if (t == null || !t.promoted()) {
                problems.add(u.label() + ": target " + m.targetKey() + " is not reported promoted at site "
                        + u.recoverySite() + " after failover");
            }
            inventories.get(u.protectedSite()).sourceDevice(m.sourceId()).filter(SourceDev::readWrite).ifPresent(s ->
                    problems.add(u.label() + ": source " + m.sourceId() + " is still read-write at site " + u.protectedSite()
                            + " while its target is promoted"));
            String id = promoted.get(m.targetKey());
            if (id == null) {
                problems.add(u.label() + ": failover reported no promoted id for " + m.targetKey());
            } else {
                expect(u, u.recoverySite(), id, written.get(m.sourceId()), "promoted device");
            }
        }
    }

    /** A group no plan changed for good (sync, test, conflict, none): source read-write, target idle. */
    void unchanged(Unit u, Map<String, byte[]> written) {
        Inventory prot = inventories.get(u.protectedSite());
        Inventory rec = inventories.get(u.recoverySite());
        if (u.group()) {
            TargetGroup g = rec.targetGroup(u.targetKey()).orElse(null);
            if (g == null) {
                problems.add(u.label() + ": target group " + u.targetKey() + " is gone at site " + u.recoverySite());
            } else if (g.snapshotId() != null || g.promoted()) {
                problems.add(u.label() + ": target group " + u.targetKey() + " still has a test copy or is promoted");
            }
        }
        for (Unit.Member m : u.members()) {
            SourceDev s = prot.sourceDevice(m.sourceId()).orElse(null);
            if (s == null || !s.readWrite()) {
                problems.add(u.label() + ": source " + m.sourceId() + " is not a read-write source at site "
                        + u.protectedSite());
            }
            TargetDev t = rec.targetDevice(m.targetKey()).orElse(null);
            if (t == null) {
                problems.add(u.label() + ": target " + m.targetKey() + " is gone at site " + u.recoverySite());
            } else if (t.snapshotId() != null || t.promoted()) {
                problems.add(u.label() + ": target " + m.targetKey() + " still has a test copy or is promoted");
            }
            if (written.containsKey(m.sourceId())) {
                expect(u, u.recoverySite(), m.targetKey(), written.get(m.sourceId()), "replica after sync");
            }
        }
    }

    private void expect(Unit u, String site, String device, byte[] want, String what) {
        DataPlugin p = plugins.get(site);
        if (want == null || p == null) {
            return;
        }
        try {
            byte[] got = p.read(device, ParallelPlans.DATA_OFFSET, want.length);
            if (Arrays.equals(got, want)) {
                verifiedReads++;
            } else {
                problems.add(u.label() + ": " + what + " " + device + " at site " + site
                        + " does not hold the bytes written before the plan");
            }
        } catch (DataPluginException e) {
            problems.add(u.label() + ": cannot read " + device + " at site " + site + ": " + e.getMessage());
        }
    }
}
