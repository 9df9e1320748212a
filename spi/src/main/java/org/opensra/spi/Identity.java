package org.opensra.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How hosts see a presented volume (DD-7). Which form a driver uses is fixed by its
 * {@link DeviceIdentification}; LUN forms without a target need {@link ArrayInventory#storagePorts()},
 * LUN forms with an initiator group need {@link ArrayInventory#initiatorGroups()}, NFS needs the NAS's
 * storage ports.
 */
public sealed interface Identity {

    /** FC/iSCSI world wide name, e.g. {@code 60:01:...}. */
    record Wwn(String wwn) implements Identity {
        public Wwn {
            Objects.requireNonNull(wwn, "wwn");
        }
    }

    /** One or more logical unit numbers (one per initiator group or target). */
    record Luns(List<Lun> luns) implements Identity {
        public Luns {
            luns = List.copyOf(luns);
            if (luns.isEmpty()) {
                throw new IllegalArgumentException("at least one Lun");
            }
        }
    }

    /** A LUN as presented to one initiator group and/or through one target port. */
    record Lun(int number, Optional<String> initiatorGroupId, Optional<String> target) {
        public Lun {
            if (number < 0) {
                throw new IllegalArgumentException("negative LUN");
            }
            Objects.requireNonNull(initiatorGroupId, "initiatorGroupId");
            Objects.requireNonNull(target, "target");
        }
    }

    /** NFS export path (mount point). */
    record NfsName(String path) implements Identity {
        public NfsName {
            Objects.requireNonNull(path, "path");
        }
    }

    /** vCenter datastore managed object id. */
    record DatastoreMoId(String moId) implements Identity {
        public DatastoreMoId {
            Objects.requireNonNull(moId, "moId");
        }
    }
}
