package org.opensra.adapter.workflow;

import java.util.Collection;
import java.util.stream.Collectors;
import org.opensra.adapter.log.SraLog;

/** Object names in log lines: as in the request, double-quoted when they contain blanks (LOG-3). */
final class Names {
    private Names() {
    }

    static String one(String name) {
        return "[" + SraLog.quote(name) + "]";
    }

    static String list(Collection<String> names) {
        return names.stream().map(SraLog::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    static String properties(java.util.Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "[" + SraLog.quote(e.getKey()) + "=" + SraLog.quote(e.getValue()) + "]")
                .collect(Collectors.joining(" "));
    }
}
