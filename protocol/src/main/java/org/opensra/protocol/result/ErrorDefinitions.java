package org.opensra.protocol.result;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.MessageDefinition;

/** queryErrorDefinitions result (Table 3, ERR-6): error definitions and optional warning definitions. */
public record ErrorDefinitions(List<MessageDefinition> errors, List<MessageDefinition> warnings)
        implements CommandResult {
    public ErrorDefinitions {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("ErrorDefinitions needs at least one ErrorDefinition (Table 3)");
        }
        requireUniqueCodes(errors);
        requireUniqueCodes(warnings);
    }

    private static void requireUniqueCodes(List<MessageDefinition> definitions) {
        Set<Integer> codes = new HashSet<>();
        for (MessageDefinition d : definitions) {
            if (!codes.add(d.code())) {
                throw new IllegalArgumentException("duplicate definition code " + d.code());
            }
        }
    }

    @Override
    public CommandName command() {
        return CommandName.QUERY_ERROR_DEFINITIONS;
    }
}
