package org.opensra.spi;

import java.util.Map;
import java.util.Optional;

/**
 * The values of one connection group as SRM sends them to array commands (CONN-2). Credentials never
 * appear in {@link #toString()} (SEC-1).
 */
public record ConnectionValues(
        String id,
        Map<String, String> addresses,
        Optional<String> username,
        Optional<String> password,
        Map<String, String> opaques) {

    public ConnectionValues {
        addresses = Map.copyOf(addresses);
        opaques = Map.copyOf(opaques);
    }

    public Optional<String> opaque(String opaqueId) {
        return Optional.ofNullable(opaques.get(opaqueId)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "ConnectionValues[id=" + id + ", addresses=" + addresses
                + ", username=" + username.map(u -> "********").orElse("(none)")
                + ", password=" + password.map(p -> "********").orElse("(none)")
                + ", opaques=" + opaques + "]";
    }
}
