package org.opensra.emulator.parallel;

/** What one recovery plan does to its protection group. */
enum PlanKind {
    /** testFailoverStart then testFailoverStop at the recovery site. */
    TEST,
    /** syncOnce, then querySyncStatus until complete, at the sync location. */
    SYNC,
    /** sync, prepareFailover at the protected site, failover at the recovery site. */
    FAILOVER,
    /** discoverDevices at both sites (read-only). */
    DISCOVER;

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
