package org.opensra.adapter.commands;

import java.util.Optional;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.ReleaseInfo;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.result.AdapterInfo;

/**
 * queryInfo (INFO-1): name and vendor with stringIds, version, the fixed UUID and the help URL. Reads
 * neither the configuration, the driver nor any translation: it is the most frequent command.
 */
public final class QueryInfoCommand implements CommandHandler {

    @Override
    public Response handle(Request request, CommandContext context) {
        return Response.of(new AdapterInfo(Texts.wire(AdapterIdentity.NAME), ReleaseInfo.load().version(),
                Texts.wire(AdapterIdentity.VENDOR), AdapterIdentity.UUID, Optional.of(AdapterIdentity.HELP_URL)));
    }
}
