package org.opensra.array.cli;

import org.opensra.array.Json;

import java.io.IOException;

/** Prints API answers as indented JSON on stdout. */
final class Output {
    private Output() {
    }

    static void print(Object o) {
        try {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } catch (IOException e) {
            throw new CliException("cannot print the answer: " + e.getMessage());
        }
    }

    static long parseSize(String s) {
        String t = s.trim().toUpperCase(java.util.Locale.ROOT);
        long mult = 1;
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'K' -> mult = 1L << 10;
            case 'M' -> mult = 1L << 20;
            case 'G' -> mult = 1L << 30;
            case 'T' -> mult = 1L << 40;
            default -> mult = 1;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.trim()) * mult;
        } catch (NumberFormatException e) {
            throw new CliException("bad size: " + s + " (examples: 67108864, 64M, 1G)");
        }
    }
}
