package org.opensra.adapter.commands;

import java.util.Optional;
import org.opensra.spi.LocalizedText;

/** Localisable texts of the SPI as the protocol writes them (English text plus stringId, LOC-1). */
final class Texts {

    private Texts() {
    }

    static org.opensra.protocol.model.LocalizedText wire(LocalizedText text) {
        return new org.opensra.protocol.model.LocalizedText(text.english(),
                text.stringId() == null || text.stringId().isBlank() ? Optional.empty() : Optional.of(text.stringId()));
    }
}
