package org.opensra.array.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's users: {@code credentials.json} (mode 0600) holds salted PBKDF2 hashes, never a
 * password. Verified logins are remembered in memory as keyed digests so that each request does not
 * pay for PBKDF2 again.
 */
public final class Credentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, PasswordHasher.Hash> users = new HashMap<>();
    private final Map<String, Role> roles = new HashMap<>();
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final byte[] cacheKey = new byte[32];
    private final AtomicLong hashChecks = new AtomicLong();

    public Credentials(Path file) throws IOException {
        this.file = file;
        new SecureRandom().nextBytes(cacheKey);
        if (Files.exists(file)) {
            JsonNode root = JSON.readTree(file.toFile());
            for (JsonNode u : root.path("users")) {
                users.put(u.path("name").asText(), new PasswordHasher.Hash(u.path("salt").asText(),
                    u.path("iterations").asInt(), u.path("hash").asText()));
                roles.put(u.path("name").asText(), Role.parse(u.path("role").asText("admin")));
            }
        }
    }

    /** Sets (or replaces) a user's password; stores only its salted hash. */
    public synchronized void setUser(String name, char[] password) throws IOException {
        setUser(name, password, Role.ADMIN);
    }

    /** Creates an account, or gives it a new password and role (rotation: the old password stops working). */
    public synchronized void setUser(String name, char[] password, Role role) throws IOException {
        PasswordHasher.Hash existing = users.get(name);
        if (existing == null || existing.iterations() != PasswordHasher.ITERATIONS || !PasswordHasher.verify(password, existing)
                || roles.get(name) != role) {
            users.put(name, PasswordHasher.hash(password));
            roles.put(name, role);
            verified.clear();
            save();
        }
        verified.add(digest(name, password));
    }

    /** The account's role (null: no such account). */
    public synchronized Role role(String name) {
        return roles.get(name);
    }

    /** Account names and roles (no secret). */
    public synchronized Map<String, Role> accounts() {
        return new java.util.TreeMap<>(roles);
    }

    /** Removes an account; false when there was none. */
    public synchronized boolean removeUser(String name) throws IOException {
        if (users.remove(name) == null) {
            return false;
        }
        roles.remove(name);
        verified.clear();
        save();
        return true;
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("users");
        users.forEach((name, h) -> arr.addObject().put("name", name).put("role", roles.getOrDefault(name, Role.ADMIN).text())
            .put("salt", h.salt()).put("iterations", h.iterations()).put("hash", h.hash()));
        OwnerOnlyFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** Whether this login was verified before (cheap: a keyed digest, no password hash). */
    public boolean knownGood(String name, char[] password) {
        return verified.contains(digest(name, password));
    }

    /** How many logins were checked against a stored password hash (PBKDF2) so far. */
    public long hashChecks() {
        return hashChecks.get();
    }

    public boolean check(String name, char[] password) {
        String digest = digest(name, password);
        if (verified.contains(digest)) {
            return true;
        }
        PasswordHasher.Hash h;
        synchronized (this) {
            h = users.get(name);
        }
        if (h == null) {
            return false;
        }
        hashChecks.incrementAndGet();
        if (!PasswordHasher.verify(password, h)) {
            return false;
        }
        verified.add(digest);
        return true;
    }

    private String digest(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
