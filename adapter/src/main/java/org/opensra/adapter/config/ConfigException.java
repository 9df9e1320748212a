package org.opensra.adapter.config;

/** The SRA's own configuration is unusable (reported as error 1016 with the driver name). */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
