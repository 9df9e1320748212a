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
 * A StatusFile that cannot be written is logged once and otherwise ignored.
 */
public final class Progress {
    private final String statusFile;
    private final SraLog log;
    private int last = -1;
    private boolean broken;

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

    /** The last value reported, -1 before the first. */
    public synchronized int last() {
        return last;
    }
}
