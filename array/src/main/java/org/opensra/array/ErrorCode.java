package org.opensra.array;

/** Stable error codes of the management API (see API.md) with their HTTP statuses. */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    /** Logged in, but the account's role may not call this route. */
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    CONFLICT(409),
    WRONG_STATE(409),
    PEER_UNREACHABLE(502),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
