package org.opensra.protocol.params;

import java.util.Objects;
import java.util.Optional;
import org.opensra.protocol.model.ReplicationSettings;

/** A group or device of a reverse/restore request with the settings SRM got from queryReplicationSettings. */
public record SettingsItem(String id, Optional<ReplicationSettings> settings) {
    public SettingsItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
    }

    public static SettingsItem of(String id) {
        return new SettingsItem(id, Optional.empty());
    }
}
