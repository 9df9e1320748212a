package org.opensra.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * The common part of every request (INV-2): command name as sent, and the paths and log level. Paths
 * are kept as raw strings because SRM sends Windows paths (TOL-1b).
 *
 * @param name         the command name exactly as in {@code <Name>} (may be unknown, see {@link #command()})
 * @param outputFile   where the response goes
 * @param statusFile   where progress documents go (absent in some requests, Table 5)
 * @param logLevel     the requested level as sent
 * @param logDirectory where log files may go
 */
public record Envelope(String name, String outputFile, Optional<String> statusFile, Optional<String> logLevel,
                       Optional<String> logDirectory) {

    public Envelope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outputFile, "outputFile");
        Objects.requireNonNull(statusFile, "statusFile");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(logDirectory, "logDirectory");
    }

    /** Convenience for tests and the emulator: all five values present. */
    public static Envelope of(String name, String outputFile, String statusFile, String logLevel,
                              String logDirectory) {
        return new Envelope(name, outputFile, Optional.ofNullable(statusFile), Optional.ofNullable(logLevel),
                Optional.ofNullable(logDirectory));
    }

    /** The command, empty when the name is not one of the 22 (the adapter answers error 100). */
    public Optional<CommandName> command() {
        return CommandName.fromWire(name);
    }

    /** The requested log level, empty when absent or not one of the five. */
    public Optional<LogLevel> level() {
        return logLevel.isPresent() ? LogLevel.fromWire(logLevel.get()) : Optional.empty();
    }
}
