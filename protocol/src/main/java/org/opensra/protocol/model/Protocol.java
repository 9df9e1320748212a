package org.opensra.protocol.model;

import java.util.Arrays;
import java.util.Optional;

/** Supported storage protocols (Table 4, CAP-2); case sensitive on the wire. */
public enum Protocol {
    FC("FC"), ISCSI("iSCSI"), NFS("NFS"), DATASTORE("Datastore");

    private final String wireName;

    Protocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Protocol> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(value == null ? null : value.trim()))
                .findFirst();
    }
}
