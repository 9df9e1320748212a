package org.opensra.array.http;

import org.opensra.array.Json;
import org.opensra.array.iscsi.ChapSecrets;

/** The iSCSI target's settings: one-way CHAP credentials per host (the secret is write-only). */
public final class IscsiRoutes {
    private IscsiRoutes() {
    }

    public static void register(Router r, ChapSecrets chap) {
        r.put("/api/v1/hosts/{id}/chap", q -> chap.set(q.param("id"), Json.required(q.body(), "username"),
            Json.required(q.body(), "secret").toCharArray()));
        r.delete("/api/v1/hosts/{id}/chap", q -> chap.clear(q.param("id")));
    }
}
