package org.opensra.protocol.params;

import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;

/** discoverDevices: the local array and its peer (Table 8, DD-1). */
public record DiscoverDevicesParameters(String arrayId, String peerArrayId) implements CommandParameters {
    public DiscoverDevicesParameters {
        Objects.requireNonNull(arrayId, "arrayId");
        Objects.requireNonNull(peerArrayId, "peerArrayId");
    }

    @Override
    public Optional<CommandName> command() {
        return Optional.of(CommandName.DISCOVER_DEVICES);
    }
}
