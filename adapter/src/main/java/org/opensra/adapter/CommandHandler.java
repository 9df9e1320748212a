package org.opensra.adapter;

import java.util.Optional;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.spi.Feature;

/**
 * The implementation of one SRA command. A handler returns the whole response, items with their own
 * errors included; it throws {@link SraException} when the command fails as a whole (one Error).
 * Unexpected runtime exceptions become error 1000 (internal error) with the stack trace in the log at
 * trivia level only.
 */
public interface CommandHandler {

    Response handle(Request request, CommandContext context) throws SraException;

    /**
     * The driver ability the command needs. When the configured driver lacks it, queryCapabilities does
     * not declare the command and a request for it gets error 100.
     */
    default Optional<Feature> requiredFeature() {
        return Optional.empty();
    }
}
