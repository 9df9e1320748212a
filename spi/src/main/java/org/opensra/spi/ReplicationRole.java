package org.opensra.spi;

/** Which end of a replication link a local volume or group is. */
public enum ReplicationRole {
    /** Data flows from this object to its peer. */
    SOURCE,
    /** This object is the replica of a peer object (it may have been promoted, see {@link VolumeAccess}). */
    TARGET
}
