package org.opensra.array.http;

import org.opensra.array.security.Role;

/**
 * Which role may call which route (least privilege, array/API.md "Roles"). The internal replication
 * routes are the peer account's alone; the SRA account reads and runs the replication and presentation
 * operations SRA commands need (its only delete is of OpenSRA's own test copies) and reads no volume
 * data; everything else is the admin's.
 */
final class RoutePolicy {
    private static final String[] SRA_POSTS = {
        "/api/v1/replication/sync", "/api/v1/replication/reverse", "/api/v1/replication/restore",
        "/api/v1/replication/promote", "/api/v1/replication/demote", "/api/v1/replication/recovery-points",
        "/api/v1/replication/test-clones", "/api/v1/replication/test-clones/delete",
        "/api/v1/mappings/map", "/api/v1/mappings/unmap", "/api/v1/nfs/export",
    };

    private RoutePolicy() {
    }

    static boolean allows(Role role, String method, String path) {
        boolean internal = path.startsWith("/internal/");
        switch (role) {
            case PEER:
                // the internal routes, and what a peer forwards to the array that must act (a sync, reverse or
                // restore asked for at the other side) and the forwarded sync's job
                return internal || ("POST".equals(method) && ("/api/v1/replication/sync".equals(path)
                    || "/api/v1/replication/reverse".equals(path) || "/api/v1/replication/restore".equals(path)))
                    || ("GET".equals(method) && path.startsWith("/api/v1/jobs/"));
            case SRA:
                if (internal || path.startsWith("/api/v1/users")) {
                    return false;
                }
                if ("GET".equals(method)) {
                    return !(path.startsWith("/api/v1/volumes/") && path.endsWith("/data"));
                }
                if ("POST".equals(method)) {
                    for (String p : SRA_POSTS) {
                        if (p.equals(path)) {
                            return true;
                        }
                    }
                }
                return false;
            case ADMIN:
                return !internal;
            default:
                return false;
        }
    }
}
