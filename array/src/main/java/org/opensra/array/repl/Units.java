package org.opensra.array.repl;

import org.opensra.array.ArrayException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Resolves a batch item (a volume id or a group id) to the pairs it acts on. */
final class Units {
    private Units() {
    }

    /**
     * @param memberAlone whether a volume of a group may be acted on alone (false for role changes
     *                    and test clones: a group changes as a whole)
     */
    static List<Pair> resolve(Connection c, String id, boolean group, boolean memberAlone) throws SQLException {
        if (group) {
            PairStore.getGroup(c, id);
            return PairStore.members(c, id);
        }
        Pair p = PairStore.byVolume(c, id);
        if (p.groupId() != null && !memberAlone) {
            throw ArrayException.wrongState(id, "volume " + id + " belongs to consistency group " + p.groupId()
                + "; act on the group");
        }
        return List.of(p);
    }

    static String unitOf(Connection c, String id, boolean group) throws SQLException {
        if (group) {
            PairStore.getGroup(c, id);
            return id;
        }
        return PairStore.byVolume(c, id).unit();
    }
}
