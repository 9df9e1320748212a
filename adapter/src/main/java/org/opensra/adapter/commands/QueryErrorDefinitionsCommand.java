package org.opensra.adapter.commands;

import java.util.ArrayList;
import java.util.List;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.error.ErrorDefinition;
import org.opensra.adapter.error.ErrorKind;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.model.MessageDefinition;
import org.opensra.protocol.result.ErrorDefinitions;

/**
 * queryErrorDefinitions (ERR-6): OpenSRA's own errors (>= 1000) and warnings (>= 2000) with
 * Description and FixHint carrying stringIds. SRM's codes 100, 101 and 500 are not listed: see
 * {@link ErrorCatalogue#published}.
 */
public final class QueryErrorDefinitionsCommand implements CommandHandler {

    @Override
    public Response handle(Request request, CommandContext context) {
        ErrorCatalogue catalogue = context.errors();
        return Response.of(new ErrorDefinitions(
                wire(catalogue.published(ErrorKind.ERROR)), wire(catalogue.published(ErrorKind.WARNING))));
    }

    private static List<MessageDefinition> wire(List<ErrorDefinition> definitions) {
        List<MessageDefinition> list = new ArrayList<>(definitions.size());
        for (ErrorDefinition d : definitions) {
            list.add(new MessageDefinition(d.code(), Texts.wire(d.description()), Texts.wire(d.fixHint())));
        }
        return list;
    }
}
