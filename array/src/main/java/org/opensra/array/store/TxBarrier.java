package org.opensra.array.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that {@link Db#tx} runs first in every top-level transaction (not in
 * {@link Db#txWithoutBarrier}), under the same lock and in the same transaction, and is told whether
 * that transaction committed or rolled back. It lets writes acknowledged but not yet stored (the
 * iSCSI write-back, {@code core.PendingWrites}) be part of the metadata before anything else reads or
 * changes it.
 */
public interface TxBarrier {
    /** Runs at the start of a top-level transaction, on its connection. */
    void apply(Connection c) throws SQLException;

    /** The transaction that ran {@link #apply} committed. */
    void committed();

    /** The transaction that ran {@link #apply} rolled back. */
    void rolledBack();
}
