package org.opensra.driver.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensra.spi.Identity;

/**
 * Turns the array's mappings of a volume into its identity in the configured form (DD-7).
 */
final class Identities {
    private final IdentityForm form;

    Identities(IdentityForm form) {
        this.form = form;
    }

    /** One mapping of a volume to a host group. */
    record Mapping(String hostGroupId, int lun, Optional<String> target) {
    }

    /**
     * The identity of a volume with these mappings, WWN and NFS export; empty when it is not
     * presented to any host (or, for NFS, has no export).
     */
    Optional<Identity> of(List<Mapping> mappings, Optional<String> wwn, Optional<String> nfsExport) {
        switch (form) {
            case WWN:
                return mappings.isEmpty() || wwn.isEmpty() ? Optional.empty()
                        : Optional.of(new Identity.Wwn(withColons(wwn.get())));
            case LUN_INITIATOR_GROUP: {
                List<Identity.Lun> luns = new ArrayList<>();
                for (Mapping m : mappings) {
                    luns.add(new Identity.Lun(m.lun(), Optional.of(m.hostGroupId()), Optional.empty()));
                }
                return luns.isEmpty() ? Optional.empty() : Optional.of(new Identity.Luns(luns));
            }
            case LUN_TARGET: {
                Set<Identity.Lun> luns = new LinkedHashSet<>();
                for (Mapping m : mappings) {
                    m.target().ifPresent(t -> luns.add(new Identity.Lun(m.lun(), Optional.empty(), Optional.of(t))));
                }
                return luns.isEmpty() ? Optional.empty() : Optional.of(new Identity.Luns(List.copyOf(luns)));
            }
            case NFS:
                return nfsExport.filter(p -> !p.isBlank()).map(Identity.NfsName::new);
            default:
                throw new IllegalStateException("unknown identity form " + form);
        }
    }

    /** {@code 60a0b1c2...} as {@code 60:a0:b1:c2:...}; a WWN that already has separators is kept. */
    static String withColons(String wwn) {
        String hex = wwn.strip().toLowerCase(java.util.Locale.ROOT);
        if (hex.indexOf(':') >= 0 || hex.length() % 2 != 0) {
            return hex;
        }
        StringBuilder out = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}
