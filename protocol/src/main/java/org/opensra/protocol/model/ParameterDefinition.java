package org.opensra.protocol.model;

import java.util.Objects;

/** A named Address or Opaque connection parameter (Table 5); only opaques may be optional. */
public record ParameterDefinition(String id, Prompt prompt, boolean optional) {
    public ParameterDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
    }

    public static ParameterDefinition required(String id, Prompt prompt) {
        return new ParameterDefinition(id, prompt, false);
    }
}
