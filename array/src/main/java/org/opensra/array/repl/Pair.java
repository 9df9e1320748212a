package org.opensra.array.repl;

import java.sql.ResultSet;
import java.sql.SQLException;

/** This array's record of a replication pair; {@code role} is the local role. Same id on both arrays. */
public record Pair(String id, String name, String groupId, String volumeId, String peerArray, String peerVolume,
                   String role, int rpo, int keep, String state, String lastError, String lastSync,
                   String baseSnapshot, String prefailoverSnapshot, String prepromoteSnapshot, long bytesSent) {
    public static final String COLUMNS = "id, name, group_id, volume_id, peer_array, peer_volume, role, rpo, keep,"
        + " state, last_error, last_sync, base_snapshot, prefailover_snapshot, prepromote_snapshot, bytes_sent";

    public static final String SOURCE = "source";
    public static final String TARGET = "target";
    public static final String PROMOTED = "promoted";
    public static final String DEMOTED = "demoted";

    public static Pair of(ResultSet rs) throws SQLException {
        return new Pair(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16));
    }

    /** The pair, or its group when it has one: the unit a transfer or a role change acts on. */
    public String unit() {
        return groupId != null ? groupId : id;
    }

    public boolean sendingSide() {
        return SOURCE.equals(role) || DEMOTED.equals(role);
    }
}
