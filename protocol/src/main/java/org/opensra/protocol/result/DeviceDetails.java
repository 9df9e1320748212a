package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.CustomProperty;

/** queryDeviceDetails result (Table 9, DET-1): per device its custom properties, or an error. */
public record DeviceDetails(List<ItemResult<List<CustomProperty>>> devices) implements CommandResult {
    public DeviceDetails {
        devices = List.copyOf(devices);
        for (ItemResult<List<CustomProperty>> d : devices) {
            if (d.success().map(List::isEmpty).orElse(false)) {
                throw new IllegalArgumentException("device " + d.ref() + " needs at least one CustomProperty");
            }
        }
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_DEVICE_DETAILS;
    }
}
