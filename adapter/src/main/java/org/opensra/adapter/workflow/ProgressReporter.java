package org.opensra.adapter.workflow;

/** Receives a command's progress in percent (INV-4); the command layer writes it to the StatusFile. */
@FunctionalInterface
public interface ProgressReporter {
    void report(int percent);

    static ProgressReporter ignore() {
        return percent -> { };
    }
}
