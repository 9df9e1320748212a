package org.opensra.emulator.workflow;

/** A step failed so badly that the rest of the workflow cannot run (the violation is already recorded). */
public class WorkflowAbort extends RuntimeException {
    public WorkflowAbort(String message) {
        super(message);
    }
}
