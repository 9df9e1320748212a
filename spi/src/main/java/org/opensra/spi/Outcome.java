package org.opensra.spi;

import java.util.Objects;

/**
 * The result of one item of a batch call: either {@link Done} with a value or {@link Failed} with a
 * {@link DriverFailure}. Batch calls return one outcome per requested item so that one bad item never
 * hides the others.
 */
public sealed interface Outcome<T> {

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> failed(DriverFailure failure) {
        return new Failed<>(failure);
    }

    static <T> Outcome<T> failed(DriverError error, String message, String... placeholders) {
        return new Failed<>(DriverFailure.of(error, message, placeholders));
    }

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(DriverFailure failure) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
