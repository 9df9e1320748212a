package org.opensra.spi;

/** Initiator types of access groups; the wire names are case sensitive. */
public enum InitiatorType {
    FC("FC"), ISCSI("iSCSI"), NFS("NFS"), HOST("Host");

    private final String wireName;

    InitiatorType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
