package org.opensra.adapter.workflow;

import java.util.Map;

/**
 * The result of a per-item command: one result per requested group and per requested device, in
 * request order (RESP-1). The command layer writes them as the command's result element.
 */
public record PerItem<G, D>(Map<String, ItemResult<G>> groups, Map<String, ItemResult<D>> devices) {
    public PerItem {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        devices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(devices));
    }
}
