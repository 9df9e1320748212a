package org.opensra.emulator.site;

import java.util.List;
import java.util.Optional;

/**
 * One site as the emulator sees it: connection values and optional stop/start commands (disaster
 * workflow) and data plug-in (data checks).
 */
public record SiteConfig(String name, ConnectionValues connection, List<String> stop, List<String> start,
                         Optional<DataTemplates> data) {
    public SiteConfig {
        stop = stop == null ? List.of() : List.copyOf(stop);
        start = start == null ? List.of() : List.copyOf(start);
    }

    public boolean canStopAndStart() {
        return !stop.isEmpty() && !start.isEmpty();
    }
}
