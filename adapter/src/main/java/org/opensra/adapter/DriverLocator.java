package org.opensra.adapter;

import org.opensra.adapter.log.SraLog;
import org.opensra.spi.ArrayDriverFactory;

/** Finds the {@link ArrayDriverFactory} of a configured driver name. */
public interface DriverLocator {

    /** The factory named {@code name}; error 1016 when no installed driver has that name. */
    ArrayDriverFactory find(String name, SraLog log) throws SraException;
}
