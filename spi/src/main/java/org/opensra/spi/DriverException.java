package org.opensra.spi;

import java.util.Map;

/**
 * A failure of a whole driver call (as opposed to one item of a batch, see {@link Outcome}) with its
 * {@link DriverError} and the placeholder values naming the objects involved (never a credential).
 */
public class DriverException extends Exception {
    private final transient DriverFailure failure;

    public DriverException(DriverError error, Map<String, String> placeholders, String message) {
        this(new DriverFailure(error, placeholders, message));
    }

    public DriverException(DriverError error, Map<String, String> placeholders, String message, Throwable cause) {
        super(message, cause);
        this.failure = new DriverFailure(error, placeholders, message);
    }

    public DriverException(DriverFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public DriverError error() {
        return failure.error();
    }

    public Map<String, String> placeholders() {
        return failure.placeholders();
    }

    public DriverFailure failure() {
        return failure;
    }

    /** The exception a default method throws for an optional ability the driver does not declare. */
    public static DriverException unsupported(String operation) {
        return new DriverFailure(DriverError.UNSUPPORTED, Map.of("Object", operation,
                "Reason", "not supported by this driver"), operation + " is not supported by this driver")
                .toException();
    }
}
