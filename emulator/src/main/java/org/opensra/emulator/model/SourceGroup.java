package org.opensra.emulator.model;

import java.util.List;

/** A ConsistencyGroup (replication source group). */
public record SourceGroup(String id, String state, String targetKey, List<SourceDev> devices, String name) {
    public SourceGroup {
        devices = List.copyOf(devices);
    }
}
