package org.opensra.protocol.params;

import java.util.List;
import java.util.Objects;

/** Access restrictions for one device of a target group: the access group ids (Table 11). */
public record DeviceAccess(String key, List<String> accessGroups) {
    public DeviceAccess {
        Objects.requireNonNull(key, "key");
        accessGroups = List.copyOf(accessGroups);
    }
}
