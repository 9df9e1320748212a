package org.opensra.adapter;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.opensra.spi.ArrayDriverFactory;

/**
 * The part of the startup archive's training run (`perl command.pl --make-archive`) after its queryInfo:
 * every installed driver runs its client stack once in memory ({@link ArrayDriverFactory#warmUp}), so that the
 * archive also holds the classes of a TLS handshake and of reading an array's answer. command.pl asks for it
 * with {@code -Dopensra.training.key=STORE} (a throwaway key it made for the training) and the store's password
 * in {@code OPENSRA_TRAINING_STOREPASS}. A driver that fails here is reported on stderr (the training log) and
 * only makes the archive smaller: the training's exit status stays the command's.
 */
final class ArchiveTraining {
    static final String KEY_PROPERTY = "opensra.training.key";
    static final String PASSWORD_VARIABLE = "OPENSRA_TRAINING_STOREPASS";

    private ArchiveTraining() {
    }

    /** Runs the warm-up of every installed driver when the training asks for it; otherwise nothing. */
    static void runIfAsked(ClassLoader loader) {
        String key = System.getProperty(KEY_PROPERTY);
        String password = System.getenv(PASSWORD_VARIABLE);
        if (key == null || password == null) {
            return;
        }
        Iterator<ArrayDriverFactory> providers = ServiceLoader.load(ArrayDriverFactory.class, loader).iterator();
        while (true) {
            ArrayDriverFactory factory;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                factory = providers.next();
                factory.warmUp(Path.of(key), password.toCharArray());
            } catch (ServiceConfigurationError | Exception e) {
                System.err.println("OpenSRA training: a driver's warm-up failed (the archive holds less): " + e);
            }
        }
    }
}
