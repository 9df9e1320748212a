package org.opensra.emulator.site;

/** A site file or lab file that cannot be used, with a message for the user. */
public class SiteFileException extends RuntimeException {
    public SiteFileException(String message) {
        super(message);
    }
}
