package org.opensra.array.core;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A frozen point of a volume: user snapshot, pre-failover/pre-promote snapshot, replication sync
 * point (source side) or recovery point (target side; peerSnapshot = the source's matching point).
 */
public record Snapshot(String id, String volumeId, String name, String kind, long layer, String time,
                       String groupPoint, String peerSnapshot) {
    public static final String COLUMNS = "id, volume_id, name, kind, layer, time, group_point, peer_snapshot";

    public static final String USER = "user";
    public static final String PREFAILOVER = "prefailover";
    public static final String PREPROMOTE = "prepromote";
    public static final String RECOVERY_POINT = "recovery-point";
    public static final String SYNC = "sync";
    public static final String CLONE_BASE = "clone-base";

    public static Snapshot of(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
