package org.opensra.spi;

/**
 * Entry point of a driver, found with {@link java.util.ServiceLoader}. The adapter picks the factory
 * named in its configuration ({@code sra/conf/opensra.properties}, key {@code driver}).
 */
public interface ArrayDriverFactory {

    /** Short name used in configuration, e.g. {@code embedded}. */
    String name();

    /** What the driver is and can do; must not contact any array. */
    DriverDescription description();

    /**
     * Opens a session on the array management system named by the connection values. Failing to reach
     * it or refused credentials are reported as {@link DriverException}s with the matching error.
     */
    ArrayDriver open(ConnectionValues connection) throws DriverException;
}
