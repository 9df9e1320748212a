package org.opensra.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An error or a warning (ERR-2, ERR-3, ERR-4): either predefined (a code plus placeholder values, written
 * as child elements {@code <Name>value</Name>}) or undefined (a description and a fix hint).
 */
public sealed interface Message permits Message.Predefined, Message.Undefined {

    /** One placeholder value of a predefined message: {@code {Name}} in the definition. */
    record Placeholder(String name, String value) {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

        public Placeholder {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("placeholder name is not an XML element name: " + name);
            }
        }
    }

    /** A message with a defined code (ERR-2); placeholders keep their order. */
    record Predefined(int code, List<Placeholder> placeholders) implements Message {
        public Predefined {
            if (code < 0) {
                throw new IllegalArgumentException("negative code " + code);
            }
            placeholders = List.copyOf(placeholders);
        }

        /** The value of the named placeholder, if present. */
        public Optional<String> value(String name) {
            return placeholders.stream().filter(p -> p.name().equals(name)).map(Placeholder::value).findFirst();
        }
    }

    /** A message without a defined code (ERR-3). */
    record Undefined(String description, String fixHint) implements Message {
        public Undefined {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(fixHint, "fixHint");
        }
    }

    /** A predefined message from a code and alternating placeholder names and values. */
    static Predefined predefined(int code, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholder names and values must come in pairs");
        }
        List<Placeholder> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Placeholder(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Predefined(code, list);
    }

    static Undefined undefined(String description, String fixHint) {
        return new Undefined(description, fixHint);
    }
}
