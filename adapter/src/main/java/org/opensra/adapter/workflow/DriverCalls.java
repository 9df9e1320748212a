package org.opensra.adapter.workflow;

import org.opensra.adapter.log.Step;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.DriverException;

/** Whole-command driver calls shared by the workflows: their failures become the command's Error. */
final class DriverCalls {
    private DriverCalls() {
    }

    /**
     * Reads the array's replication inventory, logging the device-name filter that applies to the
     * command (CONN-3). A failure (unreachable, credentials refused, unknown array) fails the command.
     */
    static ArrayInventory inventory(WorkflowContext ctx, String arrayId) throws WorkflowException {
        ctx.log().info("Device-name filter for this command: " + ctx.filter().describe());
        try (Step step = ctx.log().step("Reading the replication inventory of array " + Names.one(arrayId))) {
            try {
                ArrayInventory inventory = ctx.driver().inventory(arrayId);
                step.complete("Read " + inventory.volumes().size() + " replicated volume(s) and "
                        + inventory.groups().size() + " group(s) of array " + Names.one(arrayId));
                return inventory;
            } catch (DriverException e) {
                step.fail(e.getMessage());
                throw wholeCommand(ctx, e, arrayId);
            }
        }
    }

    /** The command-level error for a failed driver call about {@code object}. */
    static WorkflowException wholeCommand(WorkflowContext ctx, DriverException e, String object) {
        String fallback = switch (e.error()) {
            case ARRAY_UNREACHABLE, AUTHENTICATION_FAILED -> ctx.managementAddress();
            default -> object;
        };
        return new WorkflowException(Errors.fromDriver(e.failure(), fallback), e.getMessage());
    }
}
