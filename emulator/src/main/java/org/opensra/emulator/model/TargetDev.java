package org.opensra.emulator.model;

/** A TargetDevice as discoverDevices reported it; id/state only when promoted, snapshotId after a test. */
public record TargetDev(String key, String id, String state, boolean identity, String snapshotId, String name) {
    public boolean promoted() {
        return id != null && "read-write".equals(state);
    }
}
