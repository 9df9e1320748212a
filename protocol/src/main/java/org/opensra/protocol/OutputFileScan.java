package org.opensra.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the OutputFile of a request that could not be parsed (TOL-3), by a plain text scan that never
 * expands entities. A value holding markup or entity references other than the five predefined ones is
 * not trusted.
 */
final class OutputFileScan {
    private static final Pattern OUTPUT_FILE = Pattern.compile(
            "<(?:[A-Za-z_][\\w.-]*:)?OutputFile\\s*>([^<]*)</(?:[A-Za-z_][\\w.-]*:)?OutputFile\\s*>");
    private static final Pattern OTHER_ENTITY = Pattern.compile("&(?!(amp|lt|gt|quot|apos);)");

    private OutputFileScan() {
    }

    static Optional<String> find(byte[] request) {
        Matcher m = OUTPUT_FILE.matcher(new String(request, StandardCharsets.UTF_8));
        if (!m.find()) {
            return Optional.empty();
        }
        String raw = m.group(1).strip();
        if (raw.isEmpty() || OTHER_ENTITY.matcher(raw).find()) {
            return Optional.empty();
        }
        return Optional.of(raw.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&"));
    }
}
