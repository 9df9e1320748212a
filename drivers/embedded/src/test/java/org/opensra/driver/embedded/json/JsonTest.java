package org.opensra.driver.embedded.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    @DisplayName("parses objects, arrays, strings with escapes, numbers, booleans and null")
    void parsesEverything() {
        Object value = JsonReader.parse(" {\"a\": [1, -2.5, 3e2, true, false, null], \"s\": \"x\\\"y\\\\z\\n\\u00e9\\/\","
                + " \"big\": 12345678901234567890, \"o\": {}} ");
        assertThat(value).isInstanceOf(Map.class);
        JsonObject o = JsonObject.wrap(value);
        assertThat(o.string("s")).isEqualTo("x\"y\\z\né/");
        assertThat(o.members().get("a")).isEqualTo(java.util.Arrays.asList(1L, -2.5, 300.0, true, false, null));
        assertThat(o.members().get("big")).isInstanceOf(Double.class);
        assertThat(o.object("o").members()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"abc", "\"a\\x\"",
            "tru", "{\"a\":1} x", "\"\u0001\"", "[1 2]", "\"\\u12g4\""})
    @DisplayName("rejects malformed JSON with the offset")
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageContaining("offset");
    }

    @Test
    @DisplayName("writes compact JSON that reads back to the same value")
    void roundTrip() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"q\" \\ \n\t\u0001 é");
        value.put("n", 42L);
        value.put("d", 1.5);
        value.put("list", List.of("x", true));
        value.put("none", null);
        String text = JsonWriter.write(value);
        assertThat(text).startsWith("{\"name\":\"a \\\"q\\\" \\\\ \\n\\t\\u0001 é\",\"n\":42,\"d\":1.5");
        assertThat(JsonReader.parse(text)).isEqualTo(value);
    }

    @Test
    @DisplayName("typed access names the member that is missing or of the wrong type")
    void typedAccess() {
        JsonObject o = JsonReader.parseObject("{\"s\": 1, \"l\": \"x\", \"n\": null, \"list\": [1]}");
        assertThatThrownBy(() -> o.string("s")).hasMessageContaining("'s'");
        assertThatThrownBy(() -> o.string("missing")).hasMessageContaining("'missing'");
        assertThatThrownBy(() -> o.longValue("l")).hasMessageContaining("'l'");
        assertThatThrownBy(() -> o.strings("list")).hasMessageContaining("'list'");
        assertThat(o.optString("n")).isEmpty();
        assertThat(o.objects("absent")).isEmpty();
        assertThat(o.bool("absent", true)).isTrue();
        assertThatThrownBy(() -> JsonReader.parseObject("[1]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(Double.NaN)).isInstanceOf(JsonException.class);
    }
}
