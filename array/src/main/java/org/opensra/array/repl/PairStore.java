package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Queries and updates of pair and group rows (inside a {@link Db#tx}). */
public final class PairStore {
    private PairStore() {
    }

    public static Pair find(Connection c, String id) throws SQLException {
        return Db.queryOne(c, "SELECT " + Pair.COLUMNS + " FROM pairs WHERE id = ?", Pair::of, id);
    }

    public static Pair get(Connection c, String id) throws SQLException {
        Pair p = find(c, id);
        if (p == null) {
            throw ArrayException.notFound("replication pair", id);
        }
        return p;
    }

    /** The pair of a volume id: the local volume or the peer's volume of the pair. */
    public static Pair byVolume(Connection c, String volumeId) throws SQLException {
        Pair p = Db.queryOne(c, "SELECT " + Pair.COLUMNS + " FROM pairs WHERE volume_id = ?", Pair::of, volumeId);
        if (p == null) {
            p = Db.queryOne(c, "SELECT " + Pair.COLUMNS + " FROM pairs WHERE peer_volume = ?", Pair::of, volumeId);
        }
        if (p == null) {
            p = find(c, volumeId);
        }
        if (p == null) {
            if (Db.queryLong(c, "SELECT COUNT(*) FROM volumes WHERE id = ?", 0, volumeId) > 0) {
                throw new ArrayException(ErrorCode.WRONG_STATE, "volume " + volumeId + " is not replicated", volumeId);
            }
            throw ArrayException.notFound("volume", volumeId);
        }
        return p;
    }

    public static List<Pair> all(Connection c) throws SQLException {
        return Db.query(c, "SELECT " + Pair.COLUMNS + " FROM pairs ORDER BY rowid", Pair::of);
    }

    public static List<Pair> members(Connection c, String groupId) throws SQLException {
        return Db.query(c, "SELECT " + Pair.COLUMNS + " FROM pairs WHERE group_id = ? ORDER BY rowid", Pair::of, groupId);
    }

    public static Group findGroup(Connection c, String id) throws SQLException {
        return Db.queryOne(c, "SELECT " + Group.COLUMNS + " FROM groups WHERE id = ?", Group::of, id);
    }

    public static Group getGroup(Connection c, String id) throws SQLException {
        Group g = findGroup(c, id);
        if (g == null) {
            throw ArrayException.notFound("consistency group", id);
        }
        return g;
    }

    public static List<Group> groups(Connection c) throws SQLException {
        return Db.query(c, "SELECT " + Group.COLUMNS + " FROM groups ORDER BY rowid", Group::of);
    }

    /** The members of a unit: a group's pairs or the single pair. */
    public static List<Pair> unitMembers(Connection c, String unitId) throws SQLException {
        if (findGroup(c, unitId) != null) {
            return members(c, unitId);
        }
        return List.of(get(c, unitId));
    }

    public static void setRole(Connection c, Pair p, String role, String state) throws SQLException {
        Db.update(c, "UPDATE pairs SET role = ?, state = ?, last_error = NULL WHERE id = ?", role, state, p.id());
        if (p.groupId() != null) {
            Db.update(c, "UPDATE groups SET role = ?, state = ?, last_error = NULL WHERE id = ?", role, state, p.groupId());
        }
    }

    public static void setAccess(Connection c, String volumeId, String access, String role) throws SQLException {
        Db.update(c, "UPDATE volumes SET access = ?, role = ? WHERE id = ?", access, role, volumeId);
    }

    /** The pair column naming its pre-failover snapshot (taken by demote at the source). */
    public static final String PREFAILOVER = "prefailover_snapshot";
    /** The pair column naming its pre-promote snapshot (taken by promote at the replica). */
    public static final String PREPROMOTE = "prepromote_snapshot";

    /**
     * Deletes the role-change snapshot named in {@code column} ({@link #PREFAILOVER} or {@link #PREPROMOTE})
     * once its purpose is served, and forgets it; its blocks become reclaimable (clones of it keep theirs).
     */
    public static void releaseSnapshot(Connection c, VolumeService vols, String pairId, String column) throws SQLException {
        if (!PREFAILOVER.equals(column) && !PREPROMOTE.equals(column)) {
            throw new IllegalArgumentException(column);
        }
        String id = Db.queryString(c, "SELECT " + column + " FROM pairs WHERE id = ?", pairId);
        if (id == null) {
            return;
        }
        Db.update(c, "UPDATE pairs SET " + column + " = NULL WHERE id = ?", pairId);
        Snapshot s = vols.findSnapshotIn(c, id);
        if (s != null) {
            vols.deleteSnapshotIn(c, s);
        }
    }
}
