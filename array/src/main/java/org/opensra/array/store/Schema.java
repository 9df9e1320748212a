package org.opensra.array.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The metadata tables. Block maps are layered: a snapshot freezes a layer, so it costs O(1). */
final class Schema {
    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        String[] ddl = {
            "CREATE TABLE IF NOT EXISTS seq(name TEXT PRIMARY KEY, next INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT)",
            // a layer maps block numbers to data refs; reading walks parent links until a block is found
            "CREATE TABLE IF NOT EXISTS layers(id INTEGER PRIMARY KEY, parent INTEGER, staging INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX IF NOT EXISTS layers_parent ON layers(parent)",
            "CREATE TABLE IF NOT EXISTS blocks(layer INTEGER NOT NULL, blk INTEGER NOT NULL, ref INTEGER NOT NULL,"
                + " PRIMARY KEY(layer, blk)) WITHOUT ROWID",
            // compaction finds the rows pointing at a block it moves, and the last referenced block
            "CREATE INDEX IF NOT EXISTS blocks_ref ON blocks(ref)",
            "CREATE TABLE IF NOT EXISTS volumes(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
                + " size INTEGER NOT NULL, wwn TEXT NOT NULL UNIQUE, created TEXT NOT NULL, top INTEGER NOT NULL,"
                + " access TEXT NOT NULL, role TEXT NOT NULL, clone_of_volume TEXT, clone_of_point TEXT,"
                + " nfs_export TEXT, nfs_clients TEXT)",
            "CREATE INDEX IF NOT EXISTS volumes_top ON volumes(top)",
            "CREATE TABLE IF NOT EXISTS snapshots(id TEXT PRIMARY KEY, volume_id TEXT NOT NULL, name TEXT NOT NULL,"
                + " kind TEXT NOT NULL, layer INTEGER NOT NULL, time TEXT NOT NULL, group_point TEXT, peer_snapshot TEXT)",
            "CREATE INDEX IF NOT EXISTS snapshots_volume ON snapshots(volume_id)",
            "CREATE INDEX IF NOT EXISTS snapshots_layer ON snapshots(layer)",
            "CREATE TABLE IF NOT EXISTS peers(id TEXT PRIMARY KEY, address TEXT NOT NULL, username TEXT NOT NULL,"
                + " secret TEXT NOT NULL)",
            // the SHA-256 fingerprint a peer's TLS certificate is pinned to (no row: the system trust store)
            "CREATE TABLE IF NOT EXISTS peer_tls(id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS groups(id TEXT PRIMARY KEY, name TEXT NOT NULL, peer_array TEXT NOT NULL,"
                + " role TEXT NOT NULL, rpo INTEGER NOT NULL, keep INTEGER NOT NULL, state TEXT NOT NULL,"
                + " last_error TEXT, last_sync TEXT)",
            "CREATE TABLE IF NOT EXISTS pairs(id TEXT PRIMARY KEY, name TEXT NOT NULL, group_id TEXT,"
                + " volume_id TEXT NOT NULL UNIQUE, peer_array TEXT NOT NULL, peer_volume TEXT NOT NULL,"
                + " role TEXT NOT NULL, rpo INTEGER NOT NULL, keep INTEGER NOT NULL, state TEXT NOT NULL,"
                + " last_error TEXT, last_sync TEXT, base_snapshot TEXT, prefailover_snapshot TEXT,"
                + " prepromote_snapshot TEXT, bytes_sent INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX IF NOT EXISTS pairs_group ON pairs(group_id)",
            "CREATE INDEX IF NOT EXISTS pairs_peer_volume ON pairs(peer_volume)",
            "CREATE TABLE IF NOT EXISTS jobs(id TEXT PRIMARY KEY, object TEXT NOT NULL, state TEXT NOT NULL,"
                + " percent INTEGER NOT NULL, bytes_sent INTEGER NOT NULL, bytes_total INTEGER NOT NULL,"
                + " started TEXT NOT NULL, finished TEXT, error_code TEXT, error_message TEXT, error_object TEXT)",
            "CREATE TABLE IF NOT EXISTS hosts(id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
            "CREATE TABLE IF NOT EXISTS initiators(type TEXT NOT NULL, iid TEXT NOT NULL, host_id TEXT NOT NULL,"
                + " PRIMARY KEY(type, iid))",
            "CREATE TABLE IF NOT EXISTS host_groups(id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
            "CREATE TABLE IF NOT EXISTS host_group_members(group_id TEXT NOT NULL, host_id TEXT NOT NULL,"
                + " PRIMARY KEY(group_id, host_id))",
            "CREATE TABLE IF NOT EXISTS mappings(volume_id TEXT NOT NULL, group_id TEXT NOT NULL, lun INTEGER NOT NULL,"
                + " target TEXT NOT NULL, PRIMARY KEY(volume_id, group_id), UNIQUE(group_id, lun))",
            // the clones made by test-clones (testFailoverStart) of a replica, as opposed to an administrator's clones
            "CREATE TABLE IF NOT EXISTS test_copies(clone_id TEXT PRIMARY KEY, volume_id TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS test_copies_volume ON test_copies(volume_id)",
        };
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
        recordEarlierTestCopies(c);
    }

    /**
     * Once, on a store made before test copies were recorded: the clones of a replicated volume made
     * of one of its recovery points (or of one since rotated away) are taken for test copies, as the
     * test-clones operation counted them then.
     */
    private static void recordEarlierTestCopies(Connection c) throws SQLException {
        if (Db.queryString(c, "SELECT v FROM meta WHERE k = 'schema.testCopies'") != null) {
            return;
        }
        Db.update(c, "INSERT OR IGNORE INTO test_copies(clone_id, volume_id) SELECT v.id, v.clone_of_volume"
            + " FROM volumes v LEFT JOIN snapshots s ON s.id = v.clone_of_point WHERE v.role = 'clone'"
            + " AND v.clone_of_volume IN (SELECT volume_id FROM pairs) AND (s.id IS NULL OR s.kind = 'recovery-point')");
        Db.update(c, "INSERT INTO meta(k, v) VALUES('schema.testCopies', '1')");
    }
}
