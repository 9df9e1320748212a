package org.opensra.spi;

/** Storage protocols (CAP-2); the wire names are case sensitive. */
public enum Protocol {
    FC("FC"), ISCSI("iSCSI"), NFS("NFS"), DATASTORE("Datastore");

    private final String wireName;

    Protocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
