package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.opensra.protocol.Message;

/**
 * The result of one requested group or device (RESP-1): a success value with its warnings, or one
 * error (ERR-4: many warnings, at most one error).
 */
public sealed interface ItemResult<T> {

    static <T> ItemResult<T> success(T value) {
        return new Success<>(value, List.of());
    }

    static <T> ItemResult<T> success(T value, List<Message> warnings) {
        return new Success<>(value, warnings);
    }

    static <T> ItemResult<T> failure(Message error) {
        return new Failure<>(error);
    }

    boolean isSuccess();

    /** Applies {@code mapping} to a success value; a failure stays the same failure. */
    <R> ItemResult<R> map(Function<T, R> mapping);

    /** The same result with one more warning (a failure stays as it is). */
    ItemResult<T> withWarning(Message warning);

    record Success<T>(T value, List<Message> warnings) implements ItemResult<T> {
        public Success {
            Objects.requireNonNull(value, "value");
            warnings = List.copyOf(warnings);
        }

        @Override
        public boolean isSuccess() {
            return true;
        }

        @Override
        public <R> ItemResult<R> map(Function<T, R> mapping) {
            return new Success<>(mapping.apply(value), warnings);
        }

        @Override
        public ItemResult<T> withWarning(Message warning) {
            List<Message> more = new ArrayList<>(warnings);
            more.add(warning);
            return new Success<>(value, more);
        }
    }

    record Failure<T>(Message error) implements ItemResult<T> {
        public Failure {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        @Override
        public <R> ItemResult<R> map(Function<T, R> mapping) {
            return new Failure<>(error);
        }

        @Override
        public ItemResult<T> withWarning(Message warning) {
            return this;
        }
    }
}
