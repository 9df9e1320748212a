package org.opensra.array.iscsi;

import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.security.SecretBox;
import org.opensra.array.store.Db;

import java.util.Locale;
import java.util.Map;

/**
 * One-way CHAP credentials per host (RFC 7143 12.1.3): the user name and secret an initiator of that
 * host must prove at login. Secrets are kept sealed with the array's secret box and never returned.
 */
public final class ChapSecrets {
    /** RFC 7143 12.1.3: at least 96 bits; we ask for 12 characters. */
    static final int MIN_SECRET = 12;
    static final int MAX_SECRET = 255;

    /** A host's credentials, the secret in clear for the CHAP computation only. */
    record Credentials(String username, byte[] secret) {
    }

    private final Db db;
    private final SecretBox box;

    public ChapSecrets(Db db, SecretBox box) {
        this.db = db;
        this.box = box;
        db.tx(c -> Db.update(c, "CREATE TABLE IF NOT EXISTS iscsi_chap(host_id TEXT PRIMARY KEY, username TEXT NOT NULL,"
            + " secret TEXT NOT NULL)"));
    }

    /** Sets (or replaces) the host's CHAP user name and secret. */
    public Map<String, Object> set(String hostId, String username, char[] secret) {
        if (username == null || username.isBlank() || username.length() > 255) {
            throw ArrayException.badRequest("a CHAP user name of 1 to 255 characters is needed");
        }
        if (secret == null || secret.length < MIN_SECRET || secret.length > MAX_SECRET) {
            throw ArrayException.badRequest("a CHAP secret needs " + MIN_SECRET + " to " + MAX_SECRET + " characters");
        }
        String sealed = box.seal(secret);
        java.util.Arrays.fill(secret, '\0');
        return db.tx(c -> {
            if (Db.queryString(c, "SELECT id FROM hosts WHERE id = ?", hostId) == null) {
                throw ArrayException.notFound("host", hostId);
            }
            Db.update(c, "INSERT OR REPLACE INTO iscsi_chap(host_id, username, secret) VALUES(?, ?, ?)", hostId, username, sealed);
            return Json.obj("hostId", hostId, "username", username, "chap", true);
        });
    }

    /** Removes the host's CHAP credentials (idempotent). */
    public Map<String, Object> clear(String hostId) {
        return db.tx(c -> Json.obj("hostId", hostId, "noop",
            Db.update(c, "DELETE FROM iscsi_chap WHERE host_id = ?", hostId) == 0));
    }

    /** The credentials the initiator's host requires, or null when it logs in without authentication. */
    Credentials forInitiator(String iqn) {
        String[] row = db.tx(c -> Db.queryOne(c, "SELECT ch.username, ch.secret FROM iscsi_chap ch JOIN initiators i"
            + " ON i.host_id = ch.host_id WHERE i.type = 'iSCSI' AND lower(i.iid) = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, iqn.trim().toLowerCase(Locale.ROOT)));
        if (row == null) {
            return null;
        }
        char[] secret = box.open(row[1]);
        byte[] bytes = new String(secret).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Arrays.fill(secret, '\0');
        return new Credentials(row[0], bytes);
    }
}
