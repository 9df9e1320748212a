package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.security.SecretBox;
import org.opensra.array.store.Db;
import org.opensra.spi.tls.TlsTrust;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The peer arrays this array is linked to; their credentials are stored encrypted. */
public final class PeerRegistry {
    public record Peer(String id, String address, String username) {
    }

    private final Db db;
    private final SecretBox box;

    public PeerRegistry(Db db, SecretBox box) {
        this.db = db;
        this.box = box;
    }

    public Peer add(String id, String address, String username, char[] password) {
        return add(id, address, username, password, null);
    }

    /**
     * Links a peer; its TLS certificate is pinned to fingerprint when given (else the system trust
     * store decides).
     */
    public Peer add(String id, String address, String username, char[] password, String fingerprint) {
        String pin;
        try {
            pin = fingerprint == null || fingerprint.isBlank() ? null : TlsTrust.normalize(fingerprint);
        } catch (IllegalArgumentException e) {
            throw ArrayException.badRequest(e.getMessage());
        }
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw ArrayException.badRequest("peer id must match [a-z0-9-]+: " + id);
        }
        if (address == null || address.isBlank() || username == null || username.isBlank() || password == null) {
            throw ArrayException.badRequest("a peer needs id, address, username and password");
        }
        String sealed = box.seal(password);
        db.tx(c -> {
            Db.update(c, "INSERT OR REPLACE INTO peers(id, address, username, secret) VALUES(?,?,?,?)",
                id, address, username, sealed);
            Db.update(c, "DELETE FROM peer_tls WHERE id = ?", id);
            if (pin != null) {
                Db.update(c, "INSERT INTO peer_tls(id, fingerprint) VALUES(?,?)", id, pin);
            }
            return null;
        });
        return new Peer(id, address, username);
    }

    public List<Peer> list() {
        return db.tx(c -> Db.query(c, "SELECT id, address, username FROM peers ORDER BY id",
            rs -> new Peer(rs.getString(1), rs.getString(2), rs.getString(3))));
    }

    public PeerClient client(String peerId) {
        record Row(String address, String username, String secret, String fingerprint) {
        }
        Row row = db.tx(c -> Db.queryOne(c, "SELECT p.address, p.username, p.secret, t.fingerprint FROM peers p"
                + " LEFT JOIN peer_tls t ON t.id = p.id WHERE p.id = ?",
            rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), peerId));
        if (row == null) {
            throw ArrayException.notFound("peer array", peerId);
        }
        return new PeerClient(peerId, row.address(), row.username(), box.open(row.secret()), row.fingerprint());
    }

    public List<Map<String, Object>> describe(boolean probe) {
        return list().stream().map(p -> Json.obj("id", p.id(), "address", p.address(),
            "reachable", probe ? client(p.id()).reachable() : null)).toList();
    }

    public static Duration quick() {
        return Duration.ofSeconds(5);
    }
}
