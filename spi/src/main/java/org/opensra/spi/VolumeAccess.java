package org.opensra.spi;

/**
 * Host access mode of a volume or group. A SOURCE that is READ_ONLY is a demoted source (DD-4); a
 * TARGET that is READ_WRITE is a promoted replica (DD-3, after failover).
 */
public enum VolumeAccess {
    READ_WRITE("read-write"), READ_ONLY("read-only");

    private final String wireName;

    VolumeAccess(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the state attribute in discoverDevices. */
    public String wireName() {
        return wireName;
    }
}
