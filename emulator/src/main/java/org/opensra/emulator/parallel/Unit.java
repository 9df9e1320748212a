package org.opensra.emulator.parallel;

import java.util.List;

/**
 * One protection group as a recovery plan sees it: a consistency group or a standalone device replicated from
 * {@code protectedSite} to {@code recoverySite}, with its source id, target key and (for a group) member pairs.
 */
record Unit(String protectedSite, String recoverySite, boolean group, String sourceId, String targetKey, String name,
            List<Member> members) {
    record Member(String sourceId, String targetKey) {
    }

    Unit {
        members = List.copyOf(members);
    }

    /** "group cg-a (A to B)" for messages. */
    String label() {
        return (group ? "group " : "device ") + (name == null || name.isEmpty() ? sourceId : name)
                + " (" + protectedSite + " to " + recoverySite + ")";
    }
}
