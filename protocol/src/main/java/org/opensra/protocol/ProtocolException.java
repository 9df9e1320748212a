package org.opensra.protocol;

import java.util.Optional;

/**
 * A request or response that cannot be read: malformed XML, a DOCTYPE (TOL-2), or a missing or invalid
 * element. Carries the request's OutputFile when it could be read, so that an Error response can still be
 * written there (TOL-3). The message is meant for the user and never contains credentials.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Optional<String> outputFile;

    public ProtocolException(String message) {
        this(message, Optional.empty(), null);
    }

    public ProtocolException(String message, Optional<String> outputFile, Throwable cause) {
        super(message, cause);
        this.outputFile = outputFile == null ? Optional.empty() : outputFile;
    }

    /** The request's OutputFile, when it could be read despite the problem. */
    public Optional<String> outputFile() {
        return outputFile;
    }

    /** The same problem, now knowing the request's OutputFile. */
    public ProtocolException withOutputFile(Optional<String> file) {
        return new ProtocolException(getMessage(), file, getCause());
    }
}
