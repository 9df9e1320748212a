package org.opensra.adapter.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.Lun;
import org.opensra.protocol.model.StoragePort;
import org.opensra.spi.ArrayInventory;

/**
 * The StoragePorts and InitiatorGroups a response must carry for the identities in it (DD-7): storage
 * ports when a LUN has no target or for NFS; the initiator groups the LUNs refer to.
 */
final class HostAccess {
    private final ArrayInventory inventory;
    private boolean portsNeeded;
    private final Set<String> groupIds = new LinkedHashSet<>();

    HostAccess(ArrayInventory inventory) {
        this.inventory = inventory;
    }

    /** Notes an identity written in the response. */
    void add(Identity identity) {
        if (identity instanceof Identity.Luns luns) {
            for (Lun lun : luns.luns()) {
                if (lun.target().isEmpty()) {
                    portsNeeded = true;
                }
                lun.initiatorGroupId().ifPresent(groupIds::add);
            }
        } else if (identity instanceof Identity.NfsName) {
            portsNeeded = true;
        }
    }

    void add(java.util.Optional<Identity> identity) {
        identity.ifPresent(this::add);
    }

    List<StoragePort> storagePorts() {
        return portsNeeded ? inventory.storagePorts().stream().map(ModelMapping::storagePort).toList() : List.of();
    }

    List<InitiatorGroup> initiatorGroups() {
        return inventory.initiatorGroups().stream().filter(g -> groupIds.contains(g.id()))
                .map(ModelMapping::initiatorGroup).toList();
    }
}
