package org.opensra.array.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Layered copy-on-write block maps. A volume writes into its top layer; a snapshot freezes the top
 * layer and gives the volume a new empty one on top, so a snapshot costs a few rows whatever the
 * volume's size. A block is read from the first layer of the chain (top, parent, ...) that maps it;
 * a block mapped nowhere reads as zeros. Layers that nothing references any more are merged into
 * their only child or dropped ({@link #collect}). All methods run inside a {@link Db#tx}.
 */
public final class LayerStore {
    private static final long UNSET = Long.MIN_VALUE;

    private LayerStore() {
    }

    public static long newLayer(Connection c, Long parent, boolean staging) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO layers(parent, staging) VALUES(?, ?)")) {
            ps.setObject(1, parent);
            ps.setInt(2, staging ? 1 : 0);
            ps.executeUpdate();
        }
        return Db.queryLong(c, "SELECT last_insert_rowid()", -1);
    }

    public static Long parentOf(Connection c, long layer) throws SQLException {
        long p = Db.queryLong(c, "SELECT parent FROM layers WHERE id = ?", -1, layer);
        return p < 0 ? null : p;
    }

    /** The layer and its ancestors, nearest first. */
    public static List<Long> chain(Connection c, long layer) throws SQLException {
        List<Long> out = new ArrayList<>();
        Long cur = layer;
        while (cur != null) {
            out.add(cur);
            cur = parentOf(c, cur);
        }
        return out;
    }

    /**
     * The chain of layer (nearest first, numbered by depth) joined with the blocks b0..b1 of each layer,
     * nearest first: one statement instead of one per layer and one per parent link.
     */
    public static final String RESOLVE = "WITH RECURSIVE chain(id, depth) AS (SELECT ?, 0 UNION ALL"
        + " SELECT l.parent, chain.depth + 1 FROM layers l JOIN chain ON l.id = chain.id WHERE l.parent IS NOT NULL)"
        + " SELECT b.blk, b.ref FROM chain CROSS JOIN blocks b ON b.layer = chain.id AND b.blk BETWEEN ? AND ?"
        + " ORDER BY chain.depth";

    /** Refs of blocks b0..b1 (inclusive) as seen from layer; unmapped blocks are ZERO. */
    public static long[] resolve(Connection c, long layer, long b0, long b1) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESOLVE)) {
            return resolve(ps, layer, b0, b1);
        }
    }

    /** {@link #resolve(Connection, long, long, long)} with a statement prepared from {@link #RESOLVE}. */
    public static long[] resolve(PreparedStatement ps, long layer, long b0, long b1) throws SQLException {
        long[] refs = new long[(int) (b1 - b0 + 1)];
        Arrays.fill(refs, UNSET);
        int unresolved = refs.length;
        ps.setLong(1, layer);
        ps.setLong(2, b0);
        ps.setLong(3, b1);
        try (ResultSet rs = ps.executeQuery()) {
            while (unresolved > 0 && rs.next()) {
                int i = (int) (rs.getLong(1) - b0);
                if (refs[i] == UNSET) {
                    refs[i] = rs.getLong(2);
                    unresolved--;
                }
            }
        }
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] == UNSET) {
                refs[i] = DataLog.ZERO;
            }
        }
        return refs;
    }

    public static void put(Connection c, long layer, long[] blks, long[] refs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO blocks(layer, blk, ref) VALUES(?, ?, ?)")) {
            for (int i = 0; i < blks.length; i++) {
                ps.setLong(1, layer);
                ps.setLong(2, blks[i]);
                ps.setLong(3, refs[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Blocks that differ between base and top: the union of the layers above base in top's chain
     * (upper layers win). Returns null when base is not an ancestor of top (a full copy is needed).
     */
    public static TreeMap<Long, Long> changedSince(Connection c, long top, long base) throws SQLException {
        List<Long> layers = new ArrayList<>();
        boolean found = false;
        for (long l : chain(c, top)) {
            if (l == base) {
                found = true;
                break;
            }
            layers.add(l);
        }
        if (!found) {
            return null;
        }
        return union(c, layers, false);
    }

    /** Every block mapped to data (not ZERO) as seen from top: what a full copy must send. */
    public static TreeMap<Long, Long> allData(Connection c, long top) throws SQLException {
        return union(c, chain(c, top), true);
    }

    private static TreeMap<Long, Long> union(Connection c, List<Long> layers, boolean dropZeros) throws SQLException {
        TreeMap<Long, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT blk, ref FROM blocks WHERE layer = ?")) {
            for (long l : layers) {
                ps.setLong(1, l);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
        }
        if (dropZeros) {
            out.values().removeIf(r -> r == DataLog.ZERO);
        }
        return out;
    }

    /** Number of distinct blocks mapped to data in the chain (allocated size / BLOCK). */
    public static long allocatedBlocks(Connection c, long top) throws SQLException {
        List<Long> ch = chain(c, top);
        if (ch.size() == 1) {
            return Db.queryLong(c, "SELECT COUNT(*) FROM blocks WHERE layer = ? AND ref <> -1", 0, top);
        }
        return allData(c, top).size();
    }

    private static boolean referenced(Connection c, long layer) throws SQLException {
        return Db.queryLong(c, "SELECT COUNT(*) FROM volumes WHERE top = ?", 0, layer) > 0
            || Db.queryLong(c, "SELECT COUNT(*) FROM snapshots WHERE layer = ?", 0, layer) > 0
            || Db.queryLong(c, "SELECT staging FROM layers WHERE id = ?", 0, layer) != 0;
    }

    /**
     * Reclaims a layer nothing references any more: dropped when it has no child, merged with its
     * only child otherwise (the smaller map is copied into the larger). Repeats up the chain.
     */
    public static void collect(Connection c, Long layer) throws SQLException {
        while (layer != null) {
            if (Db.queryLong(c, "SELECT COUNT(*) FROM layers WHERE id = ?", 0, layer) == 0 || referenced(c, layer)) {
                return;
            }
            List<Long> children = Db.query(c, "SELECT id FROM layers WHERE parent = ?", rs -> rs.getLong(1), layer);
            Long parent = parentOf(c, layer);
            if (children.isEmpty()) {
                Db.update(c, "DELETE FROM blocks WHERE layer = ?", layer);
                Db.update(c, "DELETE FROM layers WHERE id = ?", layer);
                layer = parent;
                continue;
            }
            if (children.size() == 1) {
                long child = children.get(0);
                if (Db.queryLong(c, "SELECT staging FROM layers WHERE id = ?", 0, child) != 0) {
                    return;
                }
                long mine = Db.queryLong(c, "SELECT COUNT(*) FROM blocks WHERE layer = ?", 0, layer);
                long theirs = Db.queryLong(c, "SELECT COUNT(*) FROM blocks WHERE layer = ?", 0, child);
                if (mine <= theirs) {
                    Db.update(c, "INSERT OR IGNORE INTO blocks(layer, blk, ref) SELECT ?, blk, ref FROM blocks WHERE layer = ?", child, layer);
                    Db.update(c, "DELETE FROM blocks WHERE layer = ?", layer);
                    Db.update(c, "UPDATE layers SET parent = ? WHERE id = ?", parent, child);
                    Db.update(c, "DELETE FROM layers WHERE id = ?", layer);
                } else {
                    Db.update(c, "INSERT OR REPLACE INTO blocks(layer, blk, ref) SELECT ?, blk, ref FROM blocks WHERE layer = ?", layer, child);
                    Db.update(c, "DELETE FROM blocks WHERE layer = ?", child);
                    Db.update(c, "UPDATE layers SET parent = ? WHERE parent = ?", layer, child);
                    Db.update(c, "UPDATE volumes SET top = ? WHERE top = ?", layer, child);
                    Db.update(c, "UPDATE snapshots SET layer = ? WHERE layer = ?", layer, child);
                    Db.update(c, "DELETE FROM layers WHERE id = ?", child);
                }
            }
            return;
        }
    }

    /** Drops transfers that were being staged when the daemon stopped: never exposed, never kept. */
    public static int dropStaging(Connection c) throws SQLException {
        List<Long> staged = Db.query(c, "SELECT id FROM layers WHERE staging = 1", rs -> rs.getLong(1));
        for (long l : staged) {
            Db.update(c, "DELETE FROM blocks WHERE layer = ?", l);
            Db.update(c, "DELETE FROM layers WHERE id = ?", l);
        }
        return staged.size();
    }
}
