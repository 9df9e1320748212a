package org.opensra.adapter.l10n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The locales SRM supports and OpenSRA translates to (LOC-1); English is the default. */
public final class SupportedLocales {
    public static final String ENGLISH = "en";
    /** In the order queryCapabilities lists them (LOC-3). */
    public static final List<String> ALL = List.of(ENGLISH, "de", "fr", "ja", "zh-CN");

    private SupportedLocales() {
    }

    /**
     * The supported locale a requested language tag (RFC 1766, case-insensitive, {@code _} accepted
     * for {@code -}) stands for: an exact match, or the plain language when only the language is
     * supported ({@code de-AT} is German; {@code zh-TW} is not Simplified Chinese).
     */
    public static Optional<String> resolve(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        String tag = requested.strip().replace('_', '-');
        for (String supported : ALL) {
            if (supported.equalsIgnoreCase(tag)) {
                return Optional.of(supported);
            }
        }
        int dash = tag.indexOf('-');
        if (dash > 0) {
            String language = tag.substring(0, dash).toLowerCase(Locale.ROOT);
            if (ALL.contains(language)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
