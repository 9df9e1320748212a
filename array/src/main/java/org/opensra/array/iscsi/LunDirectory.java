package org.opensra.array.iscsi;

import org.opensra.array.store.Db;
import org.opensra.array.store.StatementCache;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an initiator may see, read from the array's presentation tables at each call: the iSCSI
 * initiators of its hosts (IQNs compared case-insensitively), the targets its host groups are mapped
 * on, and the volumes mapped to them at their LUN numbers. Nothing is cached, so a mapping change
 * is seen by the next command.
 */
public final class LunDirectory {
    private static final String GROUPS_OF = "SELECT m.group_id FROM host_group_members m JOIN initiators i"
        + " ON i.host_id = m.host_id WHERE i.type = 'iSCSI' AND lower(i.iid) = ?";

    private static final String LUNS = "SELECT mp.lun, v.id, v.wwn, v.size, v.access FROM mappings mp"
        + " JOIN volumes v ON v.id = mp.volume_id WHERE lower(mp.target) = ? AND mp.group_id IN (" + GROUPS_OF + ")"
        + " AND v.kind = 'block' ORDER BY mp.rowid";

    private final Db db;
    /** The LUN query, run at every command: compiled once. */
    private final StatementCache statements = new StatementCache();

    public LunDirectory(Db db) {
        this.db = db;
    }

    static String key(String iqn) {
        return iqn.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the initiator belongs to a host of this array. */
    public boolean knows(String initiator) {
        return db.tx(c -> Db.queryLong(c, "SELECT COUNT(*) FROM initiators WHERE type = 'iSCSI' AND lower(iid) = ?",
            0, key(initiator)) > 0);
    }

    /** The target names on which this initiator has at least one LUN, sorted. */
    public List<String> targets(String initiator) {
        return db.tx(c -> List.copyOf(new TreeSet<>(Db.query(c, "SELECT DISTINCT target FROM mappings WHERE group_id IN ("
            + GROUPS_OF + ")", rs -> rs.getString(1), key(initiator)))));
    }

    /** LUN number to volume, for this initiator on this target (the first mapping wins a LUN number). */
    public TreeMap<Integer, LogicalUnit> luns(String initiator, String target) {
        // at every command: must not store the queued writes each time (see core.PendingWrites)
        return db.txWithoutBarrier(c -> {
            TreeMap<Integer, LogicalUnit> out = new TreeMap<>();
            java.sql.PreparedStatement ps = statements.get(c, LUNS);
            ps.setString(1, key(target));
            ps.setString(2, key(initiator));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LogicalUnit u = new LogicalUnit(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        "read-write".equals(rs.getString(5)));
                    out.putIfAbsent(u.lun(), u);
                }
            }
            return out;
        });
    }
}
