package org.opensra.spi;

/**
 * A session on one array management system: the array primitives the adapter's workflows are built
 * from. Implementations speak in arrays, volumes, snapshots, groups and failover; the workflow rules
 * (per-item results, idempotency warnings, group rules, logging) live in the adapter.
 */
public interface ArrayDriver extends AutoCloseable {

    @Override
    void close();
}
