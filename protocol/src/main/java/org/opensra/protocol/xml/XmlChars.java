package org.opensra.protocol.xml;

/** Replaces characters XML 1.0 cannot carry (control characters, lone surrogates) by U+FFFD. */
final class XmlChars {
    private XmlChars() {
    }

    static String clean(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (!allowed(s, i)) {
                return replace(s);
            }
        }
        return s;
    }

    private static String replace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (allowed(s, i)) {
                b.append(c);
            } else {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }

    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c == 0x9 || c == 0xA || c == 0xD) {
            return true;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }
}
