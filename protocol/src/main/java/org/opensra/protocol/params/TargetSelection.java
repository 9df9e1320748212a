package org.opensra.protocol.params;

import java.util.List;

/** Parameters naming an array and target groups/devices by key. */
public interface TargetSelection {
    String arrayId();

    List<String> targetGroups();

    List<String> targetDevices();
}
