package org.opensra.adapter.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Replaces every known credential value (the usernames and passwords of the request) with a mask, in
 * any text about to be written (SEC-1). Longer values are replaced first so that a value containing
 * another one leaves nothing behind.
 */
public final class CredentialScrubber {
    public static final String MASK = "********";
    private static final CredentialScrubber NONE = new CredentialScrubber(List.of());

    private final List<String> secrets;

    private CredentialScrubber(List<String> secrets) {
        this.secrets = secrets;
    }

    public static CredentialScrubber none() {
        return NONE;
    }

    public static CredentialScrubber of(Collection<String> values) {
        List<String> secrets = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                addVariant(secrets, value);
                addVariant(secrets, value.strip());
            }
        }
        secrets.sort(new LongestFirst());
        return new CredentialScrubber(List.copyOf(secrets));
    }

    /** Longer values first (a named class, not a lambda: no method handles at startup). */
    private static final class LongestFirst implements java.util.Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(b.length(), a.length());
        }
    }

    private static void addVariant(List<String> secrets, String value) {
        if (!value.isEmpty() && !secrets.contains(value)) {
            secrets.add(value);
        }
    }

    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
