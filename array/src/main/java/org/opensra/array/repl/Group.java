package org.opensra.array.repl;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A replicated consistency group as recorded on this array (same id on both arrays). */
public record Group(String id, String name, String peerArray, String role, int rpo, int keep, String state,
                    String lastError, String lastSync) {
    public static final String COLUMNS = "id, name, peer_array, role, rpo, keep, state, last_error, last_sync";

    public static Group of(ResultSet rs) throws SQLException {
        return new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
