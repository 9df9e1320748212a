package org.opensra.adapter;

import java.util.Objects;
import org.opensra.protocol.Message;

/**
 * A command fails as a whole with one error (ERR-4): the handler throws it, the adapter writes the
 * message as the response's single {@code Error}. The exception text is the message's own, never a
 * credential.
 */
public class SraException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Message error;

    public SraException(Message error, String logText) {
        super(logText);
        this.error = Objects.requireNonNull(error, "error");
    }

    public SraException(Message error, String logText, Throwable cause) {
        super(logText, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The Error the response carries. */
    public Message error() {
        return error;
    }
}
