package org.opensra.array.http;

/**
 * The management API's limits against abuse (documented in API.md, "Limits"): request body caps,
 * worker threads and queue, and the JDK HTTP server's read/response deadlines, which it reads from
 * {@code sun.net.httpserver.*} system properties once, when the first server of the JVM is made.
 */
public final class HttpLimits {
    /** A JSON request body: a batch of 10,000 ids is well below. */
    public static final int MAX_JSON_BODY = 1 << 20;
    /** A raw data write ({@code PUT /volumes/{id}/data}). */
    public static final long MAX_DATA_BODY = 256L << 20;
    /** Worker threads answering requests, and requests waiting for one (more: the connection is closed). */
    static final int WORKERS = 16;
    static final int QUEUED = 64;
    /** Delayed answers (failed logins in back-off) waiting at once; more: the connection is closed at once. */
    static final int DELAYED_ANSWERS = 1024;

    /** Defaults set unless the operator gave the property (-D) already. */
    private static final String[][] SERVER_PROPERTIES = {
        {"sun.net.httpserver.maxReqTime", "300"},      // s to receive a whole request (headers and body)
        {"sun.net.httpserver.maxRspTime", "600"},      // s to handle and send the answer once the request is in
        {"sun.net.httpserver.idleInterval", "30"},     // s an idle keep-alive connection is kept
        {"sun.net.httpserver.maxIdleConnections", "64"},
        {"sun.net.httpserver.maxReqHeaders", "64"},
        {"sun.net.httpserver.maxReqHeaderSize", "65536"},
        {"jdk.httpserver.maxConnections", "256"},
    };

    private HttpLimits() {
    }

    /** Sets the JDK HTTP server's deadlines and connection limits (before the first server is created). */
    static void applyServerProperties() {
        for (String[] p : SERVER_PROPERTIES) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    /** The largest body accepted on this route. */
    static long bodyCap(String method, String rawPath) {
        if ("PUT".equals(method) && rawPath.startsWith("/api/v1/volumes/") && rawPath.endsWith("/data")) {
            return MAX_DATA_BODY;
        }
        return MAX_JSON_BODY;
    }
}
