package org.opensra.array.iscsi;

import java.util.concurrent.ConcurrentHashMap;

/**
 * SCSI-2 reservations (RESERVE/RELEASE 6 and 10): at most one I_T nexus holds each volume. Released
 * by RELEASE from the holder, the end of the holder's session, LUN reset and target reset.
 */
public final class Reservations {
    private final ConcurrentHashMap<String, Nexus> holders = new ConcurrentHashMap<>();

    /** True when the nexus now holds the volume (it may already have held it). */
    public boolean reserve(String volumeId, Nexus nexus) {
        Nexus held = holders.putIfAbsent(volumeId, nexus);
        return held == null || held == nexus;
    }

    /** Releases the volume if this nexus holds it; from another nexus it does nothing (SPC-2 7.21). */
    public void release(String volumeId, Nexus nexus) {
        holders.remove(volumeId, nexus);
    }

    /** Whether another nexus holds the volume. */
    public boolean conflicts(String volumeId, Nexus nexus) {
        Nexus held = holders.get(volumeId);
        return held != null && held != nexus;
    }

    public void releaseAll(Nexus nexus) {
        holders.values().removeIf(n -> n == nexus);
    }

    public void clear(String volumeId) {
        holders.remove(volumeId);
    }

    public void clearAll() {
        holders.clear();
    }
}
