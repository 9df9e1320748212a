package org.opensra.adapter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.log.SraLog;
import org.opensra.spi.ArrayDriverFactory;

/**
 * Finds drivers with {@link ServiceLoader}: every jar in sra/lib may provide
 * {@code META-INF/services/org.opensra.spi.ArrayDriverFactory}. A provider that fails to load is
 * logged and skipped.
 */
public final class ServiceLoaderDriverLocator implements DriverLocator {
    private final ClassLoader loader;

    public ServiceLoaderDriverLocator(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public ArrayDriverFactory find(String name, SraLog log) throws SraException {
        List<String> found = new ArrayList<>();
        Iterator<ArrayDriverFactory> providers = ServiceLoader.load(ArrayDriverFactory.class, loader).iterator();
        while (true) {
            ArrayDriverFactory factory;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                factory = providers.next();
            } catch (ServiceConfigurationError e) {
                log.failure("A driver could not be loaded: " + e.getMessage(), e);
                continue;
            }
            if (name.equals(factory.name())) {
                log.verbose("Driver " + SraLog.quote(name) + ": " + factory.getClass().getName());
                return factory;
            }
            found.add(factory.name());
        }
        log.error("No driver named " + SraLog.quote(name) + " is installed; installed drivers: "
                + (found.isEmpty() ? "none" : String.join(", ", found)));
        throw new SraException(ErrorCatalogue.standard().error(ErrorCodes.DRIVER_NOT_AVAILABLE, name),
                "driver " + name + " not installed");
    }
}
