package org.opensra.driver.embedded;

/** A non-2xx answer of the array's API to a whole call. */
public final class ApiException extends Exception {
    private final transient ApiError error;
    private final int status;

    public ApiException(int status, ApiError error) {
        super(error.code() + ": " + error.message());
        this.status = status;
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public int status() {
        return status;
    }
}
