package org.opensra.adapter.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.adapter.ErrorCodes;
import org.opensra.protocol.Message;

class ErrorCatalogueTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private final ErrorCatalogue catalogue = ErrorCatalogue.standard();

    /** Code -> placeholders as docs/ARCHITECTURE.md states them (table rows and the prose lines). */
    private static Map<Integer, List<String>> architectureCodes() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));
        Map<Integer, List<String>> codes = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d{4}) \\| ([A-Za-z, ]+) \\|").matcher(doc);
        while (row.find()) {
            codes.put(Integer.parseInt(row.group(1)), List.of(row.group(2).strip().split(",\\s*")));
        }
        String srm = doc.substring(doc.indexOf("SRM's: 100"), doc.indexOf("OpenSRA's (>= 1000)"));
        String warnings = doc.substring(doc.indexOf("Warnings: 2001"));
        for (String part : (srm + ";" + warnings).replace('\n', ' ').split(";")) {
            Matcher code = Pattern.compile("\\b(\\d{3,4})\\b").matcher(part);
            if (!code.find()) {
                continue;
            }
            Matcher names = PLACEHOLDER.matcher(part);
            List<String> list = new java.util.ArrayList<>();
            while (names.find()) {
                list.add(names.group(1));
            }
            codes.putIfAbsent(Integer.parseInt(code.group(1)), list);
        }
        return codes;
    }

    @Test
    @DisplayName("ERR-1 ERR-5 the catalogue has exactly the codes and placeholders of docs/ARCHITECTURE.md")
    void matchesArchitecture() throws IOException {
        Map<Integer, List<String>> expected = architectureCodes();
        assertThat(expected).containsKeys(100, 101, 500, 1000, 1018, 1019, 1020, 1023, 2001, 2006).hasSize(33);
        Map<Integer, List<String>> actual = new LinkedHashMap<>();
        for (ErrorDefinition d : catalogue.all()) {
            actual.put(d.code(), d.placeholders());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @DisplayName("ERR-1 codes below 1000 are SRM's 100, 101 and 500; OpenSRA's errors are >= 1000, warnings >= 2000")
    void codeRanges() {
        for (ErrorDefinition d : catalogue.all()) {
            if (d.code() < ErrorCodes.FIRST_SRA_CODE) {
                assertThat(d.code()).isIn(100, 101, 500);
                assertThat(d.srmDefined()).isTrue();
            } else if (d.kind() == ErrorKind.WARNING) {
                assertThat(d.code()).isGreaterThanOrEqualTo(ErrorCodes.FIRST_SRA_WARNING);
            } else {
                assertThat(d.code()).isBetween(ErrorCodes.FIRST_SRA_CODE, ErrorCodes.FIRST_SRA_WARNING - 1);
            }
        }
        assertThat(catalogue.definition(500).orElseThrow().kind()).isEqualTo(ErrorKind.WARNING);
    }

    @Test
    @DisplayName("ERR-6 every definition has Description and FixHint with unique stringIds, and only its own placeholders")
    void textsAndStringIds() {
        Set<String> ids = new HashSet<>();
        for (ErrorDefinition d : catalogue.all()) {
            assertThat(ids.add(d.description().stringId())).as("unique " + d.description().stringId()).isTrue();
            assertThat(ids.add(d.fixHint().stringId())).as("unique " + d.fixHint().stringId()).isTrue();
            assertThat(d.description().stringId()).isEqualTo("Description" + d.code());
            assertThat(d.fixHint().stringId()).isEqualTo("FixHint" + d.code());
            Set<String> used = new HashSet<>();
            for (String text : List.of(d.description().english(), d.fixHint().english())) {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
            assertThat(d.placeholders()).as("code " + d.code()).containsAll(used);
            for (String p : d.placeholders()) {
                assertThat(d.description().english()).as("code %d names {%s}", d.code(), p).contains("{" + p + "}");
            }
        }
    }

    @Test
    @DisplayName("ERR-6 queryErrorDefinitions publishes OpenSRA's codes only, errors and warnings apart")
    void published() {
        assertThat(catalogue.published(ErrorKind.ERROR)).extracting(ErrorDefinition::code)
                .allMatch(c -> c >= 1000 && c < 2000).hasSize(24);
        assertThat(catalogue.published(ErrorKind.WARNING)).extracting(ErrorDefinition::code)
                .containsExactly(2001, 2002, 2003, 2004, 2005, 2006);
    }

    @Test
    @DisplayName("ERR-2 an error carries its code and one placeholder per definition name, in order")
    void predefinedError() {
        Message.Predefined m = catalogue.error(ErrorCodes.UNKNOWN_RECOVERY_POINT, "rp 7", "async-LUN 11");
        assertThat(m.code()).isEqualTo(1013);
        assertThat(m.placeholders()).containsExactly(
                new Message.Placeholder("RecoveryPoint", "rp 7"), new Message.Placeholder("Key", "async-LUN 11"));
        Message.Predefined byName = catalogue.error(ErrorCodes.WRONG_STATE, Map.of("State", "read-only", "Object", "v1"));
        assertThat(byName.placeholders()).extracting(Message.Placeholder::name).containsExactly("Object", "State");
        assertThat(catalogue.describe(byName)).isEqualTo("1007: v1 is in state read-only, which does not allow this operation.");
    }

    @Test
    @DisplayName("ERR-5 an undefined code, a wrong placeholder or a missing value is refused")
    void refusesUndefined() {
        assertThatThrownBy(() -> catalogue.error(1999, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ERR-5");
        assertThatThrownBy(() -> catalogue.error(ErrorCodes.WRONG_STATE, "only one"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.error(ErrorCodes.UNKNOWN_KEY, Map.of("DeviceId", "d")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ERR-4 warnings are built as warnings and errors as errors")
    void kindsKeptApart() {
        assertThat(catalogue.warning(ErrorCodes.NOTHING_TO_STOP, "k1").code()).isEqualTo(2006);
        assertThat(catalogue.warning(ErrorCodes.REPLICATION_IN_PROGRESS, "dev 1").value("Device")).contains("dev 1");
        assertThatThrownBy(() -> catalogue.error(ErrorCodes.NOTHING_TO_STOP, "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.warning(ErrorCodes.UNKNOWN_KEY, "k1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ERR-3 an undefined message is described by its own text")
    void undefinedMessage() {
        assertThat(catalogue.describe(Message.undefined("Disk on fire", "Call the fire brigade"))).isEqualTo("Disk on fire");
    }
}
