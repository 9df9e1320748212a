package org.opensra.array.core;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.store.Compactor;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the block data file's unreferenced space back, in the background and on request: every
 * {@code intervalSeconds} it looks at the reclaimable bytes and, when they are at least
 * {@code minBytes} and {@code minFraction} of the file, runs a compaction pass throttled to
 * {@code bytesPerSecond}.
 */
public final class SpaceReclamation implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpaceReclamation.class.getName());

    /** When and how fast the background compaction runs (intervalSeconds 0: only on request). */
    public record Policy(long bytesPerSecond, long intervalSeconds, long minBytes, double minFraction) {
        public static final Policy DEFAULT = new Policy(128L << 20, 60, 64L << 20, 0.2);

        public Policy {
            if (bytesPerSecond < 0 || intervalSeconds < 0 || minBytes < 0 || minFraction < 0 || minFraction > 1) {
                throw new IllegalArgumentException("compaction rate, interval and thresholds must be >= 0");
            }
        }
    }

    private final Compactor compactor;
    private final VolumeService vols;
    private final Policy policy;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "compaction");
        t.setDaemon(true);
        return t;
    });

    public SpaceReclamation(VolumeService vols, Policy policy) {
        this.vols = vols;
        this.policy = policy;
        this.compactor = new Compactor(vols.db(), vols.data());
    }

    public void start() {
        if (policy.intervalSeconds() > 0) {
            timer.scheduleWithFixedDelay(this::tick, policy.intervalSeconds(), policy.intervalSeconds(), TimeUnit.SECONDS);
        }
    }

    void tick() {
        try {
            long reclaimable = compactor.reclaimableBytes();
            long size = vols.data().size();
            if (reclaimable < policy.minBytes() || reclaimable < policy.minFraction() * size) {
                return;
            }
            Compactor.Pass p = compactor.compact(policy.bytesPerSecond());
            LOG.info(() -> String.format("compaction: moved %d MiB, data file %d -> %d MiB in %.1f s%s",
                p.movedBytes() >> 20, p.bytesBefore() >> 20, p.bytesAfter() >> 20, p.seconds(),
                p.finished() ? "" : " (not cut: a transfer or write was in progress, next pass)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "compaction pass failed (nothing is lost: the next pass starts over)", e);
        }
    }

    /** One pass now; {@code bytesPerSecond} 0: as fast as the disk goes. */
    public Compactor.Pass compactNow(long bytesPerSecond) {
        try {
            return compactor.compact(bytesPerSecond);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArrayException(ErrorCode.INTERNAL, "compaction interrupted (the daemon is stopping)", null, e);
        }
    }

    /** Stops the background pass between two batches and waits for it. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
