package org.opensra.adapter.l10n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The translations of one locale: every {@code opensra/strings_<locale>.properties} (UTF-8) on the
 * class path merged, so that a driver jar ships its own strings beside the adapter's (LOC-2). When two
 * files define the same id, the first on the class path wins.
 */
public final class Translations {
    private final String locale;
    private final Map<String, String> strings;

    private Translations(String locale, Map<String, String> strings) {
        this.locale = locale;
        this.strings = Collections.unmodifiableMap(strings);
    }

    /** The resource every jar may ship for {@code locale}. */
    public static String resourceName(String locale) {
        return "opensra/strings_" + locale + ".properties";
    }

    public static Translations load(ClassLoader loader, String locale) {
        Map<String, String> merged = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = loader.getResources(resourceName(locale));
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                Properties file = new Properties();
                try (InputStream in = url.openStream();
                     Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    file.load(reader);
                }
                for (String id : file.stringPropertyNames()) {
                    merged.putIfAbsent(id, file.getProperty(id));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the translations for " + locale, e);
        }
        return new Translations(locale, merged);
    }

    public String locale() {
        return locale;
    }

    public Optional<String> get(String stringId) {
        return Optional.ofNullable(strings.get(stringId));
    }

    public Map<String, String> all() {
        return strings;
    }
}
