package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** queryDeviceDetails: the array and the device ids (Table 9, DET-1). */
public record QueryDeviceDetailsParameters(String arrayId, List<String> devices) implements CommandParameters {
    public QueryDeviceDetailsParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        devices = List.copyOf(devices);
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.QUERY_DEVICE_DETAILS);
    }
}
