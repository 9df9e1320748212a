package org.opensra.array.security;

import java.util.Locale;

/**
 * What an account of the management API may do (array/API.md lists each route's roles):
 * {@link #ADMIN} manages the array; {@link #SRA} is what SRM's adapter logs in with: reads, the
 * replication and presentation operations of SRA commands, test copies, nothing else; {@link #PEER} is
 * what a linked array logs in with: the internal replication routes, alone.
 */
public enum Role {
    ADMIN, SRA, PEER;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** admin, sra or peer; {@link IllegalArgumentException} otherwise. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.text().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be admin, sra or peer: " + text);
    }
}
