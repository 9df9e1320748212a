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

    /**
     * Runs the driver's client stack once without any array, in the install step's training run of the
     * startup archive, so that the archive holds the classes a command of this driver loads (a TLS handshake
     * above all) and commands start faster. {@code trainingKey} is a PKCS12 store ({@code password}) with a
     * throwaway key made for the training, for an in-memory TLS server ({@link org.opensra.spi.tls.TlsWarmUp}).
     * Must not contact any array or open any connection. The default does nothing.
     */
    default void warmUp(java.nio.file.Path trainingKey, char[] password)
            throws java.io.IOException, java.security.GeneralSecurityException {
    }
}
