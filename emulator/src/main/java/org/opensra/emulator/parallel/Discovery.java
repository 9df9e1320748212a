package org.opensra.emulator.parallel;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensra.emulator.model.Capabilities;
import org.opensra.emulator.model.Inventory;
import org.opensra.emulator.model.SourceDev;
import org.opensra.emulator.model.SourceGroup;
import org.opensra.emulator.model.TargetDev;
import org.opensra.emulator.model.TargetGroup;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/**
 * What SRM learns before it can run plans: capabilities, the array pair (discoverArrays at both sites) and the
 * protection groups in both directions (discoverDevices at both sites), each a {@link Unit} ready for a plan.
 */
final class Discovery {
    private final SraSession sra;

    Discovery(SraSession sra) {
        this.sra = sra;
    }

    /** queryCapabilities and the array pair that lists each other as peers. */
    void arrays(String a, String b) {
        sra.caps(Capabilities.parse(SraSession.ok(sra.query(a, "queryCapabilities"))));
        Map<String, List<String>> atA = arrays(a);
        Map<String, List<String>> atB = arrays(b);
        for (var ea : atA.entrySet()) {
            for (var eb : atB.entrySet()) {
                if (ea.getValue().contains(eb.getKey()) && eb.getValue().contains(ea.getKey())) {
                    sra.arrayId(a, ea.getKey());
                    sra.arrayId(b, eb.getKey());
                    return;
                }
            }
        }
        throw new PlanFailure("no array pair correlates: site " + a + " reports " + atA + ", site " + b + " reports " + atB);
    }

    private Map<String, List<String>> arrays(String site) {
        Invocation inv = sra.array(site, "discoverArrays");
        Element root = SraSession.ok(inv);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element a : children(path(root, "Arrays").orElse(null), "Array")) {
            List<String> peers = new ArrayList<>();
            children(path(a, "PeerArrays").orElse(null), "PeerArray").forEach(p -> peers.add(attr(p, "id")));
            out.put(attr(a, "id"), peers);
        }
        return out;
    }

    /** discoverDevices at {@code site} with the other site's array as peer. */
    Inventory devices(String site) {
        return Inventory.parse(SraSession.ok(sra.array(site, "discoverDevices", true, null)));
    }

    /**
     * The protection groups replicated from {@code protectedSite}: read-write sources whose target the recovery
     * site reports idle (not promoted, no test copy).
     */
    static List<Unit> units(String protectedSite, String recoverySite, Inventory atProtected, Inventory atRecovery) {
        List<Unit> out = new ArrayList<>();
        for (SourceGroup g : atProtected.sourceGroups()) {
            TargetGroup t = g.targetKey() == null ? null : atRecovery.targetGroup(g.targetKey()).orElse(null);
            boolean idle = t != null && !t.promoted() && t.snapshotId() == null
                    && t.devices().stream().noneMatch(d -> d.promoted() || d.snapshotId() != null);
            if (idle && g.devices().stream().allMatch(SourceDev::readWrite)) {
                List<Unit.Member> members = new ArrayList<>();
                g.devices().forEach(d -> members.add(new Unit.Member(d.id(), d.targetKey())));
                out.add(new Unit(protectedSite, recoverySite, true, g.id(), g.targetKey(), g.name(), members));
            }
        }
        for (SourceDev d : atProtected.sourceDevices()) {
            TargetDev t = d.targetKey() == null ? null : atRecovery.targetDevice(d.targetKey()).orElse(null);
            if (d.readWrite() && t != null && !t.promoted() && t.snapshotId() == null) {
                out.add(new Unit(protectedSite, recoverySite, false, d.id(), d.targetKey(), d.name(),
                        List.of(new Unit.Member(d.id(), d.targetKey()))));
            }
        }
        return out;
    }
}
