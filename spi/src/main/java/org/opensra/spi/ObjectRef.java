package org.opensra.spi;

import java.util.Objects;

/**
 * A unit the array replicates: a standalone volume or a volume group, by the array's own id. For a
 * replica (a TargetDevice key / TargetGroup key) the id is the replica volume's / group's id on the
 * local array; for a promoted replica either its replica id or its promoted id is accepted.
 */
public record ObjectRef(Kind kind, String id) {
    public enum Kind { VOLUME, GROUP }

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static ObjectRef volume(String id) {
        return new ObjectRef(Kind.VOLUME, id);
    }

    public static ObjectRef group(String id) {
        return new ObjectRef(Kind.GROUP, id);
    }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    @Override
    public String toString() {
        return (kind == Kind.GROUP ? "group " : "volume ") + id;
    }
}
