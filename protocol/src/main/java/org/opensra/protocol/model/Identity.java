package org.opensra.protocol.model;

import java.util.List;
import java.util.Objects;

/** How a host sees a device (Table 7, DD-7): one WWN, one or more LUNs, an NFS name or a datastore MoId. */
public sealed interface Identity permits Identity.Wwn, Identity.Luns, Identity.NfsName, Identity.DatastoreMoId {

    record Wwn(String value) implements Identity {
        public Wwn {
            Objects.requireNonNull(value, "value");
        }
    }

    record Luns(List<Lun> luns) implements Identity {
        public Luns {
            luns = List.copyOf(luns);
            if (luns.isEmpty()) {
                throw new IllegalArgumentException("an Identity by LUN needs at least one Lun");
            }
        }
    }

    record NfsName(String value) implements Identity {
        public NfsName {
            Objects.requireNonNull(value, "value");
        }
    }

    record DatastoreMoId(String value) implements Identity {
        public DatastoreMoId {
            Objects.requireNonNull(value, "value");
        }
    }
}
