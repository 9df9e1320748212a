package org.opensra.protocol.params;

import java.util.List;

/** The common shape of (prepare)reverseReplication and (prepare)restoreReplication parameters (Table 15). */
public interface ReplicationChangeParameters {
    String arrayId();

    String peerArrayId();

    List<SettingsItem> consistencyGroups();

    List<SettingsItem> devices();
}
