package org.opensra.adapter.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    @DisplayName("LOG-2 hand-made UTC timestamps equal java.time's for random instants 1900..2400, leap days included")
    void matchesJavaTime() {
        DateTimeFormatter line = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2400-12-31T23:59:59Z").toEpochMilli();
        long[] fixed = {0L, Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(),
                Instant.parse("2000-03-01T00:00:00Z").toEpochMilli(), -1L};
        for (long millis : fixed) {
            assertThat(Timestamps.line(millis)).isEqualTo(line.format(Instant.ofEpochMilli(millis)));
        }
        for (int i = 0; i < 20_000; i++) {
            long millis = from + (long) (random.nextDouble() * (to - from));
            Instant instant = Instant.ofEpochMilli(millis);
            assertThat(Timestamps.line(millis)).isEqualTo(line.format(instant));
            assertThat(Timestamps.day(millis)).isEqualTo(day.format(instant));
        }
    }
}
