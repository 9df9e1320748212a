package org.opensra.protocol.result;

import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.LocalizedText;

/** queryInfo result (Table 1, INFO-1). */
public record AdapterInfo(LocalizedText name, String version, LocalizedText vendor, String uuid,
                          Optional<String> helpUrl) implements CommandResult {
    public AdapterInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(helpUrl, "helpUrl");
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_INFO;
    }
}
