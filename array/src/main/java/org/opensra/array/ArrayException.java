package org.opensra.array;

/** A failure with a stable code, a readable message (never a credential) and the object concerned. */
public class ArrayException extends RuntimeException {
    private final ErrorCode code;
    private final String object;

    public ArrayException(ErrorCode code, String message, String object) {
        super(message);
        this.code = code;
        this.object = object;
    }

    public ArrayException(ErrorCode code, String message, String object, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.object = object;
    }

    public ErrorCode code() {
        return code;
    }

    public String object() {
        return object;
    }

    public static ArrayException notFound(String what, String id) {
        return new ArrayException(ErrorCode.NOT_FOUND, "unknown " + what + " " + id, id);
    }

    public static ArrayException wrongState(String id, String message) {
        return new ArrayException(ErrorCode.WRONG_STATE, message, id);
    }

    public static ArrayException badRequest(String message) {
        return new ArrayException(ErrorCode.BAD_REQUEST, message, null);
    }
}
