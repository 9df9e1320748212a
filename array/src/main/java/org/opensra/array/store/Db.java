package org.opensra.array.store;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crash-safe metadata store: one SQLite database in WAL mode with synchronous=FULL, used through
 * one connection. Every change runs in {@link #tx}: it is durable when tx returns, or absent.
 */
public final class Db implements AutoCloseable {
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    /** Run first in each top-level {@link #tx}; null when none. */
    private TxBarrier barrier;

    public Db(Path file) {
        try {
            conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = conn.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            conn.setAutoCommit(false);
            Schema.create(conn);
            conn.commit();
        } catch (SQLException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot open metadata store " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** Makes every later top-level {@link #tx} run the barrier first (see {@link TxBarrier}). */
    public void setBarrier(TxBarrier b) {
        lock.lock();
        try {
            barrier = b;
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction (nested calls join the outer one); any failure rolls it all back. */
    public <T> T tx(Work<T> work) {
        return run(work, true);
    }

    /**
     * A transaction that does not run the barrier: for the iSCSI data path (reads, queuing writes, LUN
     * lookups), which must not store the pending writes at every command.
     */
    public <T> T txWithoutBarrier(Work<T> work) {
        return run(work, false);
    }

    private <T> T run(Work<T> work, boolean withBarrier) {
        lock.lock();
        try {
            depth++;
            TxBarrier applied = null;
            try {
                if (depth == 1 && withBarrier && barrier != null) {
                    applied = barrier;
                    applied.apply(conn);
                }
                T result = work.run(conn);
                if (depth == 1) {
                    conn.commit();
                    if (applied != null) {
                        applied.committed();
                    }
                }
                return result;
            } catch (SQLException e) {
                rollbackQuietly();
                if (applied != null) {
                    applied.rolledBack();
                }
                throw new ArrayException(ErrorCode.INTERNAL, "metadata store error: " + e.getMessage(), null, e);
            } catch (RuntimeException | Error e) {
                // an Error too (OutOfMemoryError, StackOverflowError, AssertionError...): left open, the
                // half-done work would be committed by the next transaction on this connection
                rollbackQuietly();
                if (applied != null) {
                    applied.rolledBack();
                }
                throw e;
            } finally {
                depth--;
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        if (depth == 1) {
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // the connection is unusable only if the database itself is; the next tx will tell
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing to do
        } finally {
            lock.unlock();
        }
    }

    // ---- small JDBC helpers, used inside tx ----

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    public static long queryLong(Connection c, String sql, long dflt, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? dflt : v;
                }
                return dflt;
            }
        }
    }

    public static String queryString(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    public static <T> T queryOne(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> all = query(c, sql, mapper, args);
        return all.isEmpty() ? null : all.get(0);
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
