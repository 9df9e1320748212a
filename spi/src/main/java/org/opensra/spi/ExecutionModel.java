package org.opensra.spi;

/**
 * Where the replication commands run (CAP-4) and which prepare commands the driver needs. The adapter
 * checks the CAP-5 rules on it before declaring capabilities.
 */
public record ExecutionModel(
        ExecutionLocation syncOnce,
        ExecutionLocation reverseReplication,
        boolean prepareReverseReplication,
        ExecutionLocation restoreReplication,
        boolean prepareRestoreReplication) {

    public static ExecutionModel defaults() {
        return new ExecutionModel(ExecutionLocation.SOURCE, ExecutionLocation.SOURCE, true,
                ExecutionLocation.SOURCE, true);
    }
}
