package org.opensra.emulator.model;

/** A SourceDevice as discoverDevices reported it. */
public record SourceDev(String id, String state, String targetKey, boolean identity, String name) {
    public boolean readWrite() {
        return "read-write".equals(state);
    }
}
