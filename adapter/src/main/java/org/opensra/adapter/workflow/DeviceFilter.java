package org.opensra.adapter.workflow;

import java.util.Map;
import java.util.Optional;

/**
 * The device-name filter of CONN-3: the opaque connection parameter {@code deviceNamePrefix}. When set,
 * only devices whose name (or, for a device without a name, its id) starts with the prefix are seen by
 * any command; the others are excluded and the reason is logged.
 */
public record DeviceFilter(Optional<String> prefix) {
    public static final String OPAQUE_ID = "deviceNamePrefix";

    public DeviceFilter {
        prefix = prefix.map(String::strip).filter(p -> !p.isEmpty());
    }

    public static DeviceFilter none() {
        return new DeviceFilter(Optional.empty());
    }

    public static DeviceFilter prefix(String prefix) {
        return new DeviceFilter(Optional.ofNullable(prefix));
    }

    /** The filter named by a connection's opaque parameters. */
    public static DeviceFilter fromOpaques(Map<String, String> opaques) {
        return new DeviceFilter(Optional.ofNullable(opaques.get(OPAQUE_ID)));
    }

    public boolean accepts(String deviceName) {
        return prefix.isEmpty() || (deviceName != null && deviceName.startsWith(prefix.get()));
    }

    /** The filter as placeholder value and in log lines, e.g. {@code deviceNamePrefix="prod-"}. */
    public String describe() {
        return prefix.map(p -> OPAQUE_ID + "=\"" + p + "\"").orElse("none");
    }
}
