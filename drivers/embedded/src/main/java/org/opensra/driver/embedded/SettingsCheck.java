package org.opensra.driver.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensra.spi.ReplicationSettings;

/**
 * Checks the replication settings SRM hands back as a hint to reverse/restore (RS-2) against the
 * settings the array applied. The embedded array keeps a pair's mode, interval and retention across
 * reverse and restore and its API cannot change them, so a hint that is invalid or asks for other
 * values is reported as a problem (the adapter warns; the operation still succeeds: REV-7, RES-6).
 */
final class SettingsCheck {
    private static final Set<String> KNOWN = Set.of("mode", "rpoSeconds", "keep");

    private SettingsCheck() {
    }

    static Optional<String> problem(Optional<ReplicationSettings> hint, Map<String, String> applied) {
        if (hint.isEmpty() || hint.get().values().isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : hint.get().values().entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (!KNOWN.contains(name)) {
                problems.add("unknown setting " + name);
            } else if (name.equals("mode") && !value.equals("async")) {
                problems.add("mode " + value + " is not supported (the embedded array replicates async)");
            } else if (!name.equals("mode") && !isPositive(value)) {
                problems.add(name + "=" + value + " is not a positive number");
            } else if (applied.containsKey(name) && !applied.get(name).equals(value)) {
                problems.add(name + " is " + applied.get(name) + " on the array, not " + value
                        + "; change it on the array");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static boolean isPositive(String value) {
        try {
            return Long.parseLong(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
