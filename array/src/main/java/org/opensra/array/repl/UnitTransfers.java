package org.opensra.array.repl;

import org.opensra.array.ArrayException;

/** What a sync job does with its pair or group: one transfer, and recording a failed one. */
public interface UnitTransfers {
    /** Sends every write acknowledged before this call (its point is frozen at the start). */
    void transfer(Job job, String unit);

    /** Records a failed transfer on the unit's pairs (state broken, last error). */
    void markBroken(String unit, ArrayException e);
}
