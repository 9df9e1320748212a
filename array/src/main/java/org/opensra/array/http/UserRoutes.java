package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.Json;
import org.opensra.array.security.Credentials;
import org.opensra.array.security.Role;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /users}: the admin creates, rotates and removes accounts (admin, sra, peer); no secret is ever answered. */
public final class UserRoutes {
    private UserRoutes() {
    }

    public static void register(Router r, Credentials credentials) {
        r.get("/api/v1/users", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map.Entry<String, Role> e : credentials.accounts().entrySet()) {
                out.add(Json.obj("name", e.getKey(), "role", e.getValue().text()));
            }
            return Json.obj("users", out);
        });
        r.post("/api/v1/users", q -> {
            JsonNode b = q.body();
            String name = Json.required(b, "name");
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw ArrayException.badRequest("user name must match [A-Za-z0-9._-]{1,64}: " + name);
            }
            String password = Json.text(b, "password");
            if (password == null || password.length() < 12) {
                throw ArrayException.badRequest("a password of at least 12 characters is required");
            }
            Role role;
            try {
                role = Role.parse(Json.required(b, "role"));
            } catch (IllegalArgumentException e) {
                throw ArrayException.badRequest(e.getMessage());
            }
            if (name.equals(q.user()) && role != Role.ADMIN) {
                throw ArrayException.badRequest("an admin cannot take away its own admin role");
            }
            credentials.setUser(name, password.toCharArray(), role);
            return Reply.created(Json.obj("name", name, "role", role.text()));
        });
        r.delete("/api/v1/users/{name}", q -> {
            String name = q.param("name");
            if (name.equals(q.user())) {
                throw ArrayException.badRequest("an admin cannot remove its own account");
            }
            try {
                if (!credentials.removeUser(name)) {
                    throw ArrayException.notFound("user", name);
                }
            } catch (IOException e) {
                throw e;
            }
            return Json.obj("name", name, "removed", true);
        });
    }
}
