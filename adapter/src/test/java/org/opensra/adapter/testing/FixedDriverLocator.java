package org.opensra.adapter.testing;

import org.opensra.adapter.DriverLocator;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.SraException;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.log.SraLog;
import org.opensra.spi.ArrayDriverFactory;

/** A locator that knows one factory, for tests. */
public final class FixedDriverLocator implements DriverLocator {
    private final ArrayDriverFactory factory;

    public FixedDriverLocator(ArrayDriverFactory factory) {
        this.factory = factory;
    }

    @Override
    public ArrayDriverFactory find(String name, SraLog log) throws SraException {
        if (factory == null || !factory.name().equals(name)) {
            throw new SraException(ErrorCatalogue.standard().error(ErrorCodes.DRIVER_NOT_AVAILABLE, name), "absent");
        }
        return factory;
    }
}
