package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Object names in log lines (LOG-3). */
class NamesTest {
    @Test
    @DisplayName("LOG-3 names with blanks are double-quoted in single names, lists and array properties (keys and values)")
    void blanksQuoted() {
        assertThat(Names.one("cg-a db")).isEqualTo("[\"cg-a db\"]");
        assertThat(Names.one("vol1")).isEqualTo("[vol1]");
        assertThat(Names.list(List.of("cg-a db", "vol1"))).isEqualTo("[\"cg-a db\", vol1]");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("name", "cg-a db pre-failover");
        properties.put("cg-a log", "source");
        properties.put("access", "read-only");
        assertThat(Names.properties(properties))
                .isEqualTo("[name=\"cg-a db pre-failover\"] [\"cg-a log\"=source] [access=read-only]");
    }
}
