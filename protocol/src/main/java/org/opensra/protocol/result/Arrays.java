package org.opensra.protocol.result;

import java.util.List;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.StorageArray;

/** discoverArrays result (Table 6, DA-1); may be empty. */
public record Arrays(List<StorageArray> arrays) implements CommandResult {
    public Arrays {
        arrays = List.copyOf(arrays);
    }

    @Override
    public CommandName command() {
        return CommandName.DISCOVER_ARRAYS;
    }
}
