package org.opensra.protocol.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One Connection group of queryConnectionParameters (CONN-1). */
public record ConnectionDefinition(String id, Prompt prompt, List<ParameterDefinition> addresses,
                                   Optional<Prompt> username, Optional<Prompt> password,
                                   List<ParameterDefinition> opaques) {
    public ConnectionDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        opaques = List.copyOf(opaques);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("connection " + id + " needs at least one Address");
        }
        if (addresses.stream().anyMatch(ParameterDefinition::optional)) {
            throw new IllegalArgumentException("addresses cannot be optional (only Opaque parameters can)");
        }
        Set<String> ids = new HashSet<>();
        for (ParameterDefinition p : addresses) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("duplicate parameter id " + p.id());
            }
        }
        for (ParameterDefinition p : opaques) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("duplicate parameter id " + p.id());
            }
        }
    }
}
