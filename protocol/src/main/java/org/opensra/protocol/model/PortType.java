package org.opensra.protocol.model;

import java.util.Arrays;
import java.util.Optional;

/** Type of an initiator or storage port: FC, iSCSI, NFS or Host (Tables 8 and 11). Case sensitive. */
public enum PortType {
    FC("FC"), ISCSI("iSCSI"), NFS("NFS"), HOST("Host");

    private final String wireName;

    PortType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PortType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value == null ? null : value.trim()))
                .findFirst();
    }
}
