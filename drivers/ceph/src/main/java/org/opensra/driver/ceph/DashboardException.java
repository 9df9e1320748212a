package org.opensra.driver.ceph;

import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;

/**
 * The dashboard refused a request: HTTP status, Ceph's error code (an errno such as 30 for EROFS or
 * 2 for ENOENT, when it gave one) and its detail text.
 */
final class DashboardException extends Exception {
    static final String EROFS = "30";
    static final String ENOENT = "2";
    static final String EEXIST = "17";
    static final String EBUSY = "16";

    private final int status;
    private final String code;

    DashboardException(String request, int status, String code, String detail) {
        super(detail == null || detail.isEmpty() ? request + ": HTTP " + status : detail);
        this.status = status;
        this.code = code == null ? "" : code;
    }

    static DashboardException of(String request, int status, String body) {
        String code = "";
        String detail = "";
        try {
            Object parsed = JsonReader.parse(body);
            if (parsed instanceof java.util.Map<?, ?>) {
                JsonObject o = JsonObject.wrap(parsed);
                Object c = o.members().get("code");
                code = c == null ? "" : String.valueOf(c);
                detail = o.optString("detail").orElse("");
            }
        } catch (RuntimeException notJson) {
            detail = body.length() > 200 ? body.substring(0, 200) : body;
        }
        return new DashboardException(request, status, code, detail);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    boolean notFound() {
        return status == 404 || ENOENT.equals(code);
    }

    boolean readOnly() {
        return EROFS.equals(code) || getMessage().contains("Read-only file system");
    }
}
