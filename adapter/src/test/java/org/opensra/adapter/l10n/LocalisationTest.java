package org.opensra.adapter.l10n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.commands.UsedStrings;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.error.ErrorDefinition;
import org.opensra.adapter.testing.TestDrivers;

class LocalisationTest {
    private static final List<String> TRANSLATED = List.of("de", "fr", "ja", "zh-CN");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");

    /** Every stringId of every response of the five commands, plus every definition of the catalogue. */
    private static Map<String, String> everyStringId() {
        Map<String, String> english = new java.util.LinkedHashMap<>(
                UsedStrings.collect(TestDrivers.embeddedLike(), ErrorCatalogue.standard()).english());
        for (ErrorDefinition d : ErrorCatalogue.standard().all()) {
            english.putIfAbsent(d.description().stringId(), d.description().english());
            english.putIfAbsent(d.fixHint().stringId(), d.fixHint().english());
        }
        return english;
    }

    @Test
    @DisplayName("LOC-1 every stringId has a real translation in de, fr, ja and zh-CN, placeholders kept")
    void everyStringTranslated() {
        Map<String, String> english = everyStringId();
        assertThat(english).containsKeys("AdapterName", "AdapterVendor", "EmbeddedArrayConnectionTitle",
                "EmbeddedArrayVendor", "EmbeddedPropertyCapacity", "Description1001", "FixHint2006", "Description100");
        for (String locale : TRANSLATED) {
            Translations t = Translations.load(getClass().getClassLoader(), locale);
            int differing = 0;
            for (Map.Entry<String, String> e : english.entrySet()) {
                String translated = t.get(e.getKey()).orElse(null);
                assertThat(translated).as(locale + " " + e.getKey()).isNotBlank();
                assertThat(placeholders(translated)).as(locale + " placeholders of " + e.getKey())
                        .isEqualTo(placeholders(e.getValue()));
                if (!translated.equals(e.getValue())) {
                    differing++;
                }
            }
            assertThat(differing).as(locale + ": translations that differ from English")
                    .isGreaterThanOrEqualTo(english.size() * 9 / 10);
        }
    }

    @Test
    @DisplayName("LOC-1 Japanese and Chinese translations are written in their scripts, German and French in theirs")
    void scripts() {
        assertThat(Translations.load(getClass().getClassLoader(), "ja").get("Description1004").orElseThrow())
                .matches(".*[\\u3040-\\u30ff].*");
        assertThat(Translations.load(getClass().getClassLoader(), "zh-CN").get("Description1004").orElseThrow())
                .matches(".*[\\u4e00-\\u9fff].*").doesNotMatch(".*[\\u3040-\\u30ff].*");
        assertThat(Translations.load(getClass().getClassLoader(), "de").get("EmbeddedArrayPrefixTitle").orElseThrow())
                .contains("Präfix");
        assertThat(Translations.load(getClass().getClassLoader(), "fr").get("FixHint1001").orElseThrow())
                .contains("Vérifiez");
    }

    @Test
    @DisplayName("LOC-2 the bundles of several jars are merged; the first definition of an id wins")
    void mergesBundlesOfSeveralJars(@TempDir Path dir) throws IOException {
        Path first = Files.createDirectories(dir.resolve("a/opensra"));
        Path second = Files.createDirectories(dir.resolve("b/opensra"));
        Files.writeString(first.resolve("strings_de.properties"), "DriverOne = Erster Treiber\nShared = aus a\n",
                StandardCharsets.UTF_8);
        Files.writeString(second.resolve("strings_de.properties"), "DriverTwo = Zweiter Treiber – äöü\nShared = aus b\n",
                StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
                dir.resolve("a").toUri().toURL(), dir.resolve("b").toUri().toURL()}, null)) {
            Translations t = Translations.load(loader, "de");
            assertThat(t.get("DriverOne")).contains("Erster Treiber");
            assertThat(t.get("DriverTwo")).contains("Zweiter Treiber – äöü");
            assertThat(t.get("Shared")).contains("aus a");
            assertThat(t.locale()).isEqualTo("de");
        }
    }

    @Test
    @DisplayName("LOC-1 locale tags resolve case-insensitively; only the five locales are supported")
    void resolvesLocales() {
        assertThat(SupportedLocales.resolve("zh-CN")).contains("zh-CN");
        assertThat(SupportedLocales.resolve("zh_cn")).contains("zh-CN");
        assertThat(SupportedLocales.resolve(" JA ")).contains("ja");
        assertThat(SupportedLocales.resolve("de-AT")).contains("de");
        assertThat(SupportedLocales.resolve("en")).contains("en");
        assertThat(SupportedLocales.resolve("zh-TW")).isEmpty();
        assertThat(SupportedLocales.resolve("xx")).isEmpty();
        assertThat(SupportedLocales.resolve("")).isEmpty();
        assertThat(SupportedLocales.resolve(null)).isEmpty();
    }

    @Test
    @DisplayName("LOC-2 the bundles define no id that nothing uses (every translated id is a used stringId)")
    void noOrphanTranslations() {
        Set<String> used = everyStringId().keySet();
        for (String locale : TRANSLATED) {
            Set<String> orphans = new TreeSet<>(Translations.load(getClass().getClassLoader(), locale).all().keySet());
            orphans.removeAll(used);
            assertThat(orphans).as(locale).isEmpty();
        }
    }

    @Test
    @DisplayName("CONN-1 translated connection titles stay within 64 characters and hints within 256")
    void translatedPromptLengths() {
        for (String locale : TRANSLATED) {
            Translations t = Translations.load(getClass().getClassLoader(), locale);
            for (Map.Entry<String, String> e : t.all().entrySet()) {
                if (e.getKey().startsWith("Embedded") && e.getKey().endsWith("Title")) {
                    assertThat(e.getValue().length()).as(locale + " " + e.getKey()).isLessThanOrEqualTo(64);
                }
                if (e.getKey().startsWith("Embedded") && e.getKey().endsWith("Hint")) {
                    assertThat(e.getValue().length()).as(locale + " " + e.getKey()).isLessThanOrEqualTo(256);
                }
            }
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
