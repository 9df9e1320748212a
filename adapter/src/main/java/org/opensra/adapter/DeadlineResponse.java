package org.opensra.adapter;

import java.util.Optional;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.result.CommandResult;

/**
 * The response of a command still running after its deadline and grace period (INV-3): every requested
 * item with its own error 1019 (RESP-1), or one Error 1019 naming the command when it has no items.
 * Its own class so that SraMain's quick path never loads the result types it needs.
 */
final class DeadlineResponse {
    private DeadlineResponse() {
    }

    static Response of(Request request, int seconds) {
        if (request.command().isPresent()) {
            Optional<CommandResult> items = DeadlineAnswer.allItemsFailed(request.command().get(), request.parameters(),
                    seconds);
            if (items.isPresent()) {
                return Response.of(items.get());
            }
        }
        return Response.error(DeadlineAnswer.error("the command " + request.envelope().name(), Integer.toString(seconds)));
    }
}
