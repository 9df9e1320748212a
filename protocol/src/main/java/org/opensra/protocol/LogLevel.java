package org.opensra.protocol;

import java.util.Locale;
import java.util.Optional;

/** The five log levels of INV-5, from the most verbose to the least. */
public enum LogLevel {
    TRIVIA("trivia"), VERBOSE("verbose"), INFO("info"), WARNING("warning"), ERROR("error");

    private final String wireName;

    LogLevel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True when a message of this level is to be written at the given requested threshold. */
    public boolean isAtLeast(LogLevel threshold) {
        return ordinal() >= threshold.ordinal();
    }

    /** The level of the given wire name (case-insensitive, surrounding blanks ignored). */
    public static Optional<LogLevel> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LogLevel l : values()) {
            if (l.wireName.equals(wanted)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
