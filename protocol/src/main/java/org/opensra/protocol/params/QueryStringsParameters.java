package org.opensra.protocol.params;

import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryStrings: the requested locale, an RFC 1766 language tag (Table 2). */
public record QueryStringsParameters(String locale) implements CommandParameters {
    public QueryStringsParameters {
        Objects.requireNonNull(locale, "locale");
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_STRINGS);
    }
}
