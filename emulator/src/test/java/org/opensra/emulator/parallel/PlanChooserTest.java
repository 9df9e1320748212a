package org.opensra.emulator.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanChooserTest {
    private static Unit unit(String from, String to, boolean group, String id) {
        return new Unit(from, to, group, id, id + "-key", id, List.of(new Unit.Member(id, id + "-key")));
    }

    private static List<Unit> units(String from, String to, int groups, int devices) {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            out.add(unit(from, to, true, from + "-cg" + i));
        }
        for (int i = 0; i < devices; i++) {
            out.add(unit(from, to, false, from + "-dev" + i));
        }
        return out;
    }

    @Test
    @DisplayName("INV-7 eight plans: test, sync, failover and discovery in both directions, each on its own group, "
            + "and a further group (a consistency group first) for the same-group conflict")
    void eightPlansBothDirectionsDistinctGroups() {
        PlanChooser c = new PlanChooser("A", "B", units("A", "B", 1, 4), units("B", "A", 3, 2));
        List<Plan> plans = c.plans(8);
        assertEquals(8, plans.size());
        Set<String> used = new HashSet<>();
        for (PlanKind k : PlanKind.values()) {
            assertTrue(plans.stream().anyMatch(p -> p.kind() == k && p.protectedSite().equals("A")), k + " A to B");
            assertTrue(plans.stream().anyMatch(p -> p.kind() == k && p.protectedSite().equals("B")), k + " B to A");
        }
        for (Plan p : plans) {
            if (p.unit() != null) {
                assertEquals(p.protectedSite(), p.unit().protectedSite(), p.label());
                assertTrue(used.add(p.unit().sourceId()), "group used twice: " + p.label());
            }
        }
        assertTrue(plans.stream().filter(p -> p.kind() == PlanKind.TEST).allMatch(p -> p.unit().group()),
                "tests take consistency groups first");
        Unit conflict = c.conflictUnit();
        assertNotNull(conflict);
        assertTrue(used.add(conflict.sourceId()), "the conflict group has no other plan");
        assertTrue(conflict.group(), "a consistency group is left (B's third), so the conflict takes it");
    }

    @Test
    @DisplayName("INV-7 with too few groups the plans fall back to discovery and the conflict has no group")
    void tooFewGroups() {
        PlanChooser c = new PlanChooser("A", "B", units("A", "B", 0, 1), List.of());
        List<Plan> plans = c.plans(4);
        assertEquals(PlanKind.TEST, plans.get(0).kind());
        assertEquals(PlanKind.DISCOVER, plans.get(1).kind(), "no group B to A");
        assertEquals(PlanKind.DISCOVER, plans.get(2).kind(), "the only group A to B is taken");
        assertNull(c.conflictUnit());
    }
}
