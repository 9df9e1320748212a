package org.opensra.protocol.result;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opensra.protocol.CommandName;

/** queryStrings result (Table 2, LOC-2): the locale and one String per id, ids unique. */
public record Strings(String locale, List<Entry> strings) implements CommandResult {

    /** One {@code <String id="...">text</String>}. */
    public record Entry(String id, String text) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
        }
    }

    public Strings {
        Objects.requireNonNull(locale, "locale");
        strings = List.copyOf(strings);
        if (strings.isEmpty()) {
            throw new IllegalArgumentException("Strings needs at least one String (Table 2)");
        }
        Set<String> ids = new HashSet<>();
        for (Entry e : strings) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate string id " + e.id());
            }
        }
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_STRINGS;
    }
}
