package org.opensra.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A writable test copy of a replica made by {@link ArrayDriver#createTestCopies}: for a volume the
 * clone volume (its id is the clone volume's id; identity when presented); for a group the group of
 * clones (identity always empty, the members carry theirs).
 */
public record TestCopy(String id, RecoveryPoint recoveryPoint, Optional<Identity> identity) {
    public TestCopy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recoveryPoint, "recoveryPoint");
        Objects.requireNonNull(identity, "identity");
    }
}
