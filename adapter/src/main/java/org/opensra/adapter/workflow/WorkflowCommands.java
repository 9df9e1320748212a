package org.opensra.adapter.workflow;

import org.opensra.adapter.CommandRegistry;

/** Registers the handlers of the 17 array commands (issue 4). */
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    /** Adds the array command handlers to the registry; a command not registered here answers error 100. */
    public static void register(CommandRegistry registry) {
        // handlers are added here as their workflows land (see the report of the workflow helper)
    }
}
