package org.opensra.array;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /array/space: live, snapshot and reclaimable bytes as volumes and snapshots come and go. */
class SpaceUsageTest {
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path tmp;
    TwoArrays arrays;
    TestApi a;

    @BeforeEach
    void start() throws Exception {
        arrays = new TwoArrays(tmp);
        a = arrays.apiA();
    }

    @AfterEach
    void stop() {
        arrays.close();
    }

    private JsonNode space() {
        return a.get("/api/v1/array/space").ok().json();
    }

    private static byte[] blocks(int n, int fill) {
        byte[] b = new byte[n * BLOCK];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    @DisplayName("space: overwritten blocks held by a snapshot count as snapshot bytes, then reclaimable once it is deleted")
    void accounting() {
        String v = a.createVolume("space", 8L * BLOCK);
        a.write(v, 0, blocks(4, 1));
        JsonNode s = space();
        assertThat(s.path("liveBytes").asLong()).isEqualTo(4L * BLOCK);
        assertThat(s.path("snapshotBytes").asLong()).isZero();
        assertThat(s.path("reclaimableBytes").asLong()).isZero();

        String snap = a.post("/api/v1/volumes/" + v + "/snapshots", Map.of("name", "s1")).ok().json().path("id").asText();
        a.write(v, 0, blocks(2, 2));
        s = space();
        assertThat(s.path("liveBytes").asLong()).isEqualTo(4L * BLOCK);
        assertThat(s.path("snapshotBytes").asLong()).isEqualTo(2L * BLOCK);
        assertThat(s.path("reclaimableBytes").asLong()).isZero();

        a.delete("/api/v1/snapshots/" + snap).ok();
        s = space();
        assertThat(s.path("liveBytes").asLong()).isEqualTo(4L * BLOCK);
        assertThat(s.path("snapshotBytes").asLong()).isZero();
        assertThat(s.path("reclaimableBytes").asLong()).isEqualTo(2L * BLOCK);

        a.delete("/api/v1/volumes/" + v).ok();
        s = space();
        assertThat(s.path("liveBytes").asLong()).isZero();
        assertThat(s.path("reclaimableBytes").asLong()).isEqualTo(s.path("dataFileBytes").asLong());
    }
}
