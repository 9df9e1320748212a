package org.opensra.emulator.model;

import java.util.List;

/** A TargetGroup (replica of a group); id/state when promoted, snapshotId after a test. */
public record TargetGroup(String key, String id, String state, List<TargetDev> devices, String snapshotId,
                          String name) {
    public TargetGroup {
        devices = List.copyOf(devices);
    }

    public boolean promoted() {
        return id != null && "read-write".equals(state);
    }
}
