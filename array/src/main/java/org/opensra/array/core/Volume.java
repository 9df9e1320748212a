package org.opensra.array.core;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A volume row: a replica, a clone and a plain volume are all volumes (see {@code role}). */
public record Volume(String id, String name, String kind, long size, String wwn, String created, long top,
                     String access, String role, String cloneOfVolume, String cloneOfPoint, String nfsExport,
                     String nfsClients) {
    public static final String COLUMNS =
        "id, name, kind, size, wwn, created, top, access, role, clone_of_volume, clone_of_point, nfs_export, nfs_clients";

    public static Volume of(ResultSet rs) throws SQLException {
        return new Volume(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getString(13));
    }

    public boolean writable() {
        return "read-write".equals(access);
    }
}
