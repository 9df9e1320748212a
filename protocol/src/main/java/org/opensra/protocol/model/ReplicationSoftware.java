package org.opensra.protocol.model;

import java.util.Objects;

/** Replication software name and version (Tables 4 and 6). */
public record ReplicationSoftware(String name, String version) {
    public ReplicationSoftware {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
