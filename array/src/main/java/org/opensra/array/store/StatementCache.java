package org.opensra.array.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of a hot path (the iSCSI data path runs the same few statements at every
 * command), compiled once per connection instead of once per use. Holds statements only, never
 * results: each use binds its parameters and reads a fresh result set. Used only inside a
 * {@link Db} transaction, so by one thread at a time (guarded by the store's lock).
 */
public final class StatementCache {
    private final Map<String, PreparedStatement> bySql = new HashMap<>();
    private Connection conn;

    /** The statement for sql on c, prepared on first use; its parameters are cleared. */
    public PreparedStatement get(Connection c, String sql) throws SQLException {
        if (c != conn) {
            bySql.clear(); // another connection (a reopened store): the old statements went with the old one
            conn = c;
        }
        PreparedStatement ps = bySql.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            bySql.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }
}
