package org.opensra.array.repl;

import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The periodic schedule: a source pair/group whose last sync is older than its RPO is synced. */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private final VolumeService vols;
    private final SyncEngine engine;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        Futures.daemonThreads("rpo-scheduler"));

    private final java.util.Map<String, Instant> lastAttempt = new java.util.concurrent.ConcurrentHashMap<>();

    public Scheduler(VolumeService vols, SyncEngine engine) {
        this.vols = vols;
        this.engine = engine;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    record Due(String unit, int rpo, String lastSync) {
    }

    void tick() {
        try {
            // read-only, every second: without the barrier, so it does not store queued iSCSI writes each time
            List<Due> units = vols.db().txWithoutBarrier(c -> Db.query(c,
                "SELECT COALESCE(group_id, id), MIN(rpo), MIN(COALESCE(last_sync, '')) FROM pairs"
                    + " WHERE role = 'source' AND state <> 'suspended' AND rpo > 0 GROUP BY COALESCE(group_id, id)",
                rs -> new Due(rs.getString(1), rs.getInt(2), rs.getString(3))));
            Instant now = Instant.now();
            for (Due d : units) {
                boolean due = d.lastSync().isEmpty() || Instant.parse(d.lastSync()).plusSeconds(d.rpo()).isBefore(now);
                Instant tried = lastAttempt.get(d.unit());
                boolean backoff = tried != null && tried.plusSeconds(Math.min(d.rpo(), 30)).isAfter(now);
                if (due && !backoff && engine.runningFor(d.unit()) == null) {
                    lastAttempt.put(d.unit(), now);
                    engine.start(d.unit());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "RPO schedule tick failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
