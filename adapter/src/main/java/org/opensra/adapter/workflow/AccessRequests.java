package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.params.DeviceAccess;
import org.opensra.protocol.params.RecoveryParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.spi.Initiator;

/**
 * The hosts each target device of a testFailoverStart or failover request must be presented to: the
 * initiators of its access groups (DynamicAccessRestriction). A device without access groups gets the
 * array's default host access; an access group id the request does not define is logged and skipped.
 */
final class AccessRequests {
    private final Map<String, AccessGroup> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> accessByKey = new LinkedHashMap<>();
    private final SraLog log;

    AccessRequests(RecoveryParameters params, SraLog log) {
        this.log = log;
        params.accessGroups().forEach(g -> groups.put(g.id(), g));
        for (TargetDeviceRequest device : params.targetDevices()) {
            accessByKey.putIfAbsent(device.key(), device.accessGroups());
        }
        for (TargetGroupRequest group : params.targetGroups()) {
            for (DeviceAccess device : group.devices()) {
                accessByKey.putIfAbsent(device.key(), device.accessGroups());
            }
        }
    }

    /** The initiators for a device key (empty: the array's default host access). */
    List<Initiator> initiators(String key) {
        List<Initiator> initiators = new ArrayList<>();
        for (String groupId : accessByKey.getOrDefault(key, List.of())) {
            AccessGroup group = groups.get(groupId);
            if (group == null) {
                log.warning("Access group " + Names.one(groupId) + " of device " + Names.one(key)
                        + " is not defined in the request; it is skipped");
                continue;
            }
            for (Initiator initiator : ModelMapping.initiators(group.initiators())) {
                if (!initiators.contains(initiator)) {
                    initiators.add(initiator);
                }
            }
        }
        return initiators;
    }

    /** Log text naming the hosts of a device. */
    static String hosts(List<Initiator> initiators) {
        if (initiators.isEmpty()) {
            return "the array's default hosts";
        }
        return Names.list(initiators.stream().map(i -> i.type().wireName() + ":" + i.id()
                + i.chapName().map(c -> " (chapName " + c + ")").orElse("")).toList());
    }
}
