package org.opensra.emulator.data;

/** The data plug-in failed to write or read a device. */
public class DataPluginException extends Exception {
    public DataPluginException(String message) {
        super(message);
    }
}
