package org.opensra.adapter.l10n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensra.spi.LocalizedText;

/**
 * Every localisable text a response may carry, by stringId, with its English text (LOC-2): the
 * adapter's name and vendor, the driver's connection parameters, array model vendors and custom
 * property labels, and the published error and warning definitions. Ids are unique: the first text
 * registered under an id wins.
 */
public final class StringInventory {
    private final Map<String, String> english = new LinkedHashMap<>();

    public StringInventory add(LocalizedText text) {
        if (text != null && text.stringId() != null && !text.stringId().isBlank()) {
            english.putIfAbsent(text.stringId(), text.english());
        }
        return this;
    }

    /** StringId to English text, in the order the texts were added. */
    public Map<String, String> english() {
        return Collections.unmodifiableMap(english);
    }
}
