package org.opensra.adapter.log;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * UTC timestamps for log lines ({@code 2026-11-25T10:50:01.123Z}, LOG-2) and the day of the log file
 * name, formatted by hand: DateTimeFormatter costs startup time on every command.
 */
final class Timestamps {

    private Timestamps() {
    }

    static String line(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(24);
        b.append(t.getYear()).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        pad(b, (int) Math.floorMod(epochMillis, 1000), 3).append('Z');
        return b.toString();
    }

    static String day(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(8);
        b.append(t.getYear());
        pad(b, t.getMonthValue(), 2);
        pad(b, t.getDayOfMonth(), 2);
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }
}
