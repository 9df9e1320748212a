package org.opensra.adapter.log;

/**
 * UTC timestamps for log lines ({@code 2026-11-25T10:50:01.123Z}, LOG-2) and the day of the log file
 * name, computed by hand (days to civil date, H. Hinnant's algorithm): java.time and its formatters
 * cost startup time on every command.
 */
final class Timestamps {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Timestamps() {
    }

    static String line(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
        StringBuilder b = new StringBuilder(24);
        date(b, day, true).append('T');
        pad(b, (int) (millisOfDay / 3_600_000L), 2).append(':');
        pad(b, (int) (millisOfDay / 60_000L % 60), 2).append(':');
        pad(b, (int) (millisOfDay / 1000L % 60), 2).append('.');
        pad(b, (int) (millisOfDay % 1000L), 3).append('Z');
        return b.toString();
    }

    static String day(long epochMillis) {
        return date(new StringBuilder(8), Math.floorDiv(epochMillis, MILLIS_PER_DAY), false).toString();
    }

    /** Appends the proleptic Gregorian date of a day count since 1970-01-01. */
    private static StringBuilder date(StringBuilder b, long epochDay, boolean dashes) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        b.append(year);
        if (dashes) {
            b.append('-');
        }
        pad(b, month, 2);
        if (dashes) {
            b.append('-');
        }
        return pad(b, dayOfMonth, 2);
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }
}
