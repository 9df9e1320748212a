package org.opensra.protocol;

import java.util.List;
import java.util.Objects;
import org.opensra.protocol.result.CommandResult;

/**
 * A response (INV-3, ERR-4): either the command's result element optionally followed by warnings, or a
 * single error.
 */
public sealed interface Response permits Response.Completed, Response.Failed {

    /** The result element of the command, and zero or more warnings. */
    record Completed(CommandResult result, List<Message> warnings) implements Response {
        public Completed {
            Objects.requireNonNull(result, "result");
            warnings = List.copyOf(warnings);
        }
    }

    /** A single error: the command failed as a whole. */
    record Failed(Message error) implements Response {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static Completed of(CommandResult result) {
        return new Completed(result, List.of());
    }

    static Completed of(CommandResult result, List<Message> warnings) {
        return new Completed(result, warnings);
    }

    static Failed error(Message error) {
        return new Failed(error);
    }
}
