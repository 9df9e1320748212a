package org.opensra.array.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.TwoArrays;

class ArrayProbeTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("FO-5 GET /array?probe=false lists the peers without contacting them (reachable null); GET /array probes")
    void probeOnlyWhenAsked() throws Exception {
        try (TwoArrays arrays = new TwoArrays(dir)) {
            arrays.stopA();
            JsonNode unprobed = arrays.apiB().get("/api/v1/array?probe=false").ok().json().path("peers").path(0);
            assertThat(unprobed.path("id").asText()).isEqualTo("array-a");
            assertThat(unprobed.path("reachable").isNull()).isTrue();
            JsonNode probed = arrays.apiB().get("/api/v1/array").ok().json().path("peers").path(0);
            assertThat(probed.path("reachable").asBoolean(true)).isFalse();
        }
    }
}
