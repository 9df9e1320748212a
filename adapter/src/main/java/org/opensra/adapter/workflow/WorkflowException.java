package org.opensra.adapter.workflow;

import java.util.Objects;
import org.opensra.protocol.Message;

/** The whole command failed (e.g. the array is unreachable): the response is this single Error. */
public final class WorkflowException extends Exception {
    private final transient Message error;

    public WorkflowException(Message error, String logMessage) {
        super(logMessage);
        this.error = Objects.requireNonNull(error, "error");
    }

    public Message error() {
        return error;
    }
}
