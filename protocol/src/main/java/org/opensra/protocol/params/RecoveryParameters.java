package org.opensra.protocol.params;

import java.util.List;
import org.opensra.protocol.model.AccessGroup;

/** The common shape of testFailoverStart and failover parameters (Table 11). */
public interface RecoveryParameters {
    String arrayId();

    List<AccessGroup> accessGroups();

    List<TargetGroupRequest> targetGroups();

    List<TargetDeviceRequest> targetDevices();
}
