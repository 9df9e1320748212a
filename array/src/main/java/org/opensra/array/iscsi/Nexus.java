package org.opensra.array.iscsi;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * One I_T nexus (an iSCSI session): the initiator, its ISID, the target it logged in to, its pending
 * unit attentions and the LUN inventory it was last told about (to notice mapping changes).
 */
public final class Nexus {
    private final String initiator;
    private final String isid;
    private final String target;
    private final ArrayDeque<Sense> unitAttentions = new ArrayDeque<>();
    private Map<Integer, String> lastSeen;

    public Nexus(String initiator, String isid, String target) {
        this.initiator = initiator;
        this.isid = isid;
        this.target = target;
    }

    public String initiator() {
        return initiator;
    }

    public String isid() {
        return isid;
    }

    public String target() {
        return target;
    }

    /**
     * Compares the LUN inventory with the one last seen; a difference queues REPORTED LUNS DATA HAS
     * CHANGED (SPC-4 6.33), once.
     */
    public synchronized void observe(TreeMap<Integer, LogicalUnit> luns) {
        Map<Integer, String> now = new TreeMap<>();
        for (LogicalUnit u : luns.values()) {
            now.put(u.lun(), u.volumeId());
        }
        if (lastSeen != null && !lastSeen.equals(now) && !unitAttentions.contains(Sense.REPORTED_LUNS_CHANGED)) {
            unitAttentions.add(Sense.REPORTED_LUNS_CHANGED);
        }
        lastSeen = now;
    }

    public synchronized void addUnitAttention(Sense s) {
        if (!unitAttentions.contains(s)) {
            unitAttentions.add(s);
        }
    }

    /** The oldest pending unit attention, removed; null when none. */
    public synchronized Sense takeUnitAttention() {
        return unitAttentions.poll();
    }

    /** REPORT LUNS clears REPORTED LUNS DATA HAS CHANGED. */
    public synchronized void clearLunsChanged() {
        unitAttentions.remove(Sense.REPORTED_LUNS_CHANGED);
    }

    @Override
    public String toString() {
        return initiator + " isid " + isid + " on " + target;
    }
}
