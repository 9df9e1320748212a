package org.opensra.protocol.xml;

/** Number parsing with errors that name the offending value. */
final class Numbers {
    private Numbers() {
    }

    static int parseInt(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new XmlContentException(what + " is not an integer: '" + text + "'");
        }
    }

    static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new XmlContentException(what + " is not an integer: '" + text + "'");
        }
    }
}
