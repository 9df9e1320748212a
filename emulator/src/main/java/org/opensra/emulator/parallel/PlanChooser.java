package org.opensra.emulator.parallel;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks N plans over the protection groups of both directions, alternating direction and cycling test, sync,
 * failover, discovery, each on its own group (discovery when a direction has no group left; test and failover
 * take consistency groups first, sync standalone devices); then one more group, a consistency group if any is
 * left, for the same-group conflict.
 */
final class PlanChooser {
    private static final PlanKind[] CYCLE = {PlanKind.TEST, PlanKind.SYNC, PlanKind.FAILOVER, PlanKind.DISCOVER};

    private final List<Unit> forward;
    private final List<Unit> backward;
    private final String a;
    private final String b;

    PlanChooser(String a, String b, List<Unit> aToB, List<Unit> bToA) {
        this.a = a;
        this.b = b;
        this.forward = new ArrayList<>(aToB);
        this.backward = new ArrayList<>(bToA);
    }

    List<Plan> plans(int n) {
        List<Plan> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ab = i % 2 == 0;
            PlanKind kind = CYCLE[(i / 2) % CYCLE.length];
            List<Unit> pool = ab ? forward : backward;
            Unit u = kind == PlanKind.DISCOVER ? null : take(pool, kind != PlanKind.SYNC);
            if (u == null) {
                kind = PlanKind.DISCOVER;
            }
            out.add(new Plan("P" + (i + 1), kind, u, ab ? a : b, ab ? b : a));
        }
        return out;
    }

    /** A group left over for two testFailoverStart at once, or null when every group has a plan. */
    Unit conflictUnit() {
        for (List<Unit> pool : List.of(forward, backward)) {
            for (Unit u : pool) {
                if (u.group()) {
                    pool.remove(u);
                    return u;
                }
            }
        }
        Unit u = take(forward, true);
        return u != null ? u : take(backward, true);
    }

    private static Unit take(List<Unit> pool, boolean preferGroup) {
        if (pool.isEmpty()) {
            return null;
        }
        int pick = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).group() == preferGroup) {
                pick = i;
                break;
            }
        }
        return pool.remove(pick);
    }
}
