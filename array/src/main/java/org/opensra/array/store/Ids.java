package org.opensra.array.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Stable ids: {@code <arrayId>.<kind>.<n>}, from a sequence kept in the metadata store. */
public final class Ids {
    private final String arrayId;

    public Ids(String arrayId) {
        this.arrayId = arrayId;
    }

    public String arrayId() {
        return arrayId;
    }

    public String next(Connection c, String kind) throws SQLException {
        return arrayId + "." + kind + "." + nextNumber(c, kind);
    }

    public long nextNumber(Connection c, String kind) throws SQLException {
        long n = Db.queryLong(c, "SELECT next FROM seq WHERE name = ?", 1, kind);
        Db.update(c, "INSERT OR REPLACE INTO seq(name, next) VALUES(?, ?)", kind, n + 1);
        return n;
    }

    /** The array that created an object, from its id prefix (null if not of our form). */
    public static String ownerOf(String id) {
        int i = id.indexOf('.');
        return i > 0 ? id.substring(0, i) : null;
    }
}
