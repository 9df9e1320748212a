package org.opensra.adapter;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.ProgressWriter;

/**
 * Progress of the running command (INV-4): each report appends one
 * {@code <ProgressUpdate xmlns="...">N</ProgressUpdate>} document to the request's StatusFile. Values
 * are clamped to 0..100 and never go back. Every command reports 0 at its start and 100 at its end.
 * During long work a {@linkplain #startHeartbeat heartbeat} repeats the last value so that SRM, which
 * restarts its timeout on every update, hears from the SRA at least every heartbeat period. Writes
 * are serialised, so a heartbeat never interleaves with a report. A StatusFile that cannot be written
 * is logged once and otherwise ignored.
 */
public final class Progress implements AutoCloseable {
    private final String statusFile;
    private final SraLog log;
    private int last = -1;
    private boolean broken;
    private Thread heartbeat;

    public Progress(String statusFile, SraLog log) {
        this.statusFile = statusFile == null || statusFile.isBlank() ? null : statusFile.strip();
        this.log = log;
    }

    public synchronized void report(int percent) {
        int value = Math.max(0, Math.min(100, percent));
        if (value <= last) {
            return;
        }
        last = value;
        write(value);
    }

    /** The last value reported, -1 before the first. */
    public synchronized int last() {
        return last;
    }

    /**
     * Starts a daemon thread that repeats the last reported value every {@code periodMillis} until
     * {@link #close()} (nothing is written before the first report, nor after 100).
     */
    public synchronized void startHeartbeat(long periodMillis) {
        if (statusFile == null || heartbeat != null) {
            return;
        }
        heartbeat = new Thread(new Beat(this, Math.max(1, periodMillis)), "opensra-progress-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    /** Stops the heartbeat; reports still work. */
    @Override
    public void close() {
        Thread beat;
        synchronized (this) {
            beat = heartbeat;
            heartbeat = null;
        }
        if (beat != null) {
            beat.interrupt();
        }
    }

    /** Repeats the last value; false once the heartbeat was stopped. */
    private synchronized boolean beat(Thread caller) {
        if (heartbeat != caller) {
            return false;
        }
        if (last >= 0 && last < 100) {
            write(last);
        }
        return true;
    }

    private void write(int value) {
        if (statusFile == null || broken) {
            return;
        }
        try (OutputStream out = new FileOutputStream(statusFile, true)) {
            out.write(ProgressWriter.document(value));
        } catch (IOException | SecurityException e) {
            broken = true;
            log.warning("Cannot append progress to the status file " + SraLog.quote(statusFile) + ": "
                    + e.getMessage());
        }
    }

    private static final class Beat implements Runnable {
        private final Progress progress;
        private final long periodMillis;

        Beat(Progress progress, long periodMillis) {
            this.progress = progress;
            this.periodMillis = periodMillis;
        }

        @Override
        public void run() {
            Thread self = Thread.currentThread();
            try {
                do {
                    Thread.sleep(periodMillis);
                } while (progress.beat(self));
            } catch (InterruptedException e) {
                // stopped
            }
        }
    }
}
