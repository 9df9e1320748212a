package org.opensra.spi;

import java.util.List;

/**
 * One group of connection parameters a driver needs (CONN-1): written by queryConnectionParameters,
 * filled in by the administrator in SRM, received by every array command (CONN-2).
 */
public record ConnectionSpec(
        String id,
        LocalizedText title,
        LocalizedText hint,
        List<Parameter> addresses,
        Parameter username,
        Parameter password,
        List<Parameter> opaques) {

    public ConnectionSpec {
        addresses = List.copyOf(addresses);
        opaques = List.copyOf(opaques);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a connection needs at least one address (CONN-1)");
        }
    }

    /** A named parameter; {@code id} is null for Username and Password. */
    public record Parameter(String id, LocalizedText title, LocalizedText hint, boolean optional) {
    }
}
