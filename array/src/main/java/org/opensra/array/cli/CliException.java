package org.opensra.array.cli;

/** A failure reported to the CLI user as one line on stderr (exit code 1). */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
