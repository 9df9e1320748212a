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

    /**
     * Opens a session bounded by the command's deadline: every array call of the session ends by
     * {@code deadline} (its timeouts never reach past it), and a call started after it fails at once
     * with {@link DriverError#DEADLINE_REACHED}. A driver that overrides this also reports an address
     * it found unreachable at once for the rest of the session (FO-5: one timeout per dead address,
     * not one per step). The default ignores the deadline; the adapter still checks it between calls.
     */
    default ArrayDriver open(ConnectionValues connection, Deadline deadline) throws DriverException {
        return open(connection);
    }
}
