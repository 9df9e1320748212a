package org.opensra.protocol.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.Message;

/**
 * The per-item outcome of an array command (RESP-1): for the group or device named {@code ref} (its id or
 * key), either a value with warnings, or an error.
 *
 * @param <T> the value of a successful item
 */
public sealed interface ItemResult<T> permits ItemResult.Ok, ItemResult.Failed {

    /** The id or key of the group or device, as in the request. */
    String ref();

    record Ok<T>(String ref, T value, List<Message> warnings) implements ItemResult<T> {
        public Ok {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(value, "value");
            warnings = List.copyOf(warnings);
        }
    }

    record Failed<T>(String ref, Message error) implements ItemResult<T> {
        public Failed {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Ok<T> ok(String ref, T value) {
        return new Ok<>(ref, value, List.of());
    }

    static <T> Ok<T> ok(String ref, T value, List<Message> warnings) {
        return new Ok<>(ref, value, warnings);
    }

    static <T> Failed<T> failed(String ref, Message error) {
        return new Failed<>(ref, error);
    }

    /** The value when successful. */
    default Optional<T> success() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /** The error when failed. */
    default Optional<Message> failure() {
        return this instanceof Failed<T> failed ? Optional.of(failed.error()) : Optional.empty();
    }
}
