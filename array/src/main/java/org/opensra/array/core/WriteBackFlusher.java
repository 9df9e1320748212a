package org.opensra.array.core;

/**
 * Stores the queued iSCSI writes ({@link PendingWrites}) in the background: when they pass half of
 * the volume service's limit, or when the oldest has waited {@link #MAX_AGE_NANOS}, so an initiator
 * that never sends SYNCHRONIZE CACHE loses at most about that much to a crash. Closing stores what is
 * left (a clean shutdown loses nothing).
 */
public final class WriteBackFlusher implements AutoCloseable {
    /** The longest a queued write waits before the background stores it. */
    static final long MAX_AGE_NANOS = 2_000_000_000L;
    private static final long POLL_MILLIS = 50;

    private final VolumeService vols;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean running = true;

    public WriteBackFlusher(VolumeService vols) {
        this.vols = vols;
        this.thread = new Thread(this::loop, "iscsi-write-back");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            synchronized (wake) {
                try {
                    // never interrupted: an interrupt during file I/O would close the data log's channels
                    wake.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            PendingWrites p = vols.pending();
            long queued = p.bytes();
            if (running && queued > 0
                && (queued >= vols.pendingLimit() / 2 || System.nanoTime() - p.oldestNanos() >= MAX_AGE_NANOS)) {
                try {
                    vols.storePending();
                } catch (RuntimeException e) {
                    // kept queued: the next attempt or transaction stores them
                    System.err.println("iSCSI write-back: cannot store queued writes yet: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vols.storePending();
    }
}
