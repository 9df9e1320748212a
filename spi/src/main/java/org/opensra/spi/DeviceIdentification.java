package org.opensra.spi;

/** How devices are identified to ESX (CAP-2 DeviceIdentification, DD-7). */
public enum DeviceIdentification {
    WWN("wwn"),
    INITIATOR_NUMBER("initiator+number"),
    NUMBER("number"),
    NUMBER_TARGET("number+target"),
    INITIATOR_NUMBER_TARGET("initiator+number+target"),
    /** NFS export path with the NAS's storage ports; not a DeviceIdentification value of the spec. */
    NFS(null);

    private final String wireName;

    DeviceIdentification(String wireName) {
        this.wireName = wireName;
    }

    /** The value written in queryCapabilities' DeviceIdentification, or null where it does not apply. */
    public String wireName() {
        return wireName;
    }
}
