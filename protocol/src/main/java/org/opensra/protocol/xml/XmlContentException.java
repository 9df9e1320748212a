package org.opensra.protocol.xml;

/**
 * A well-formed document whose content does not match the tables (missing element, bad value). Internal:
 * converted to {@link org.opensra.protocol.ProtocolException} by the public readers.
 */
public final class XmlContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XmlContentException(String message) {
        super(message);
    }

    public XmlContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
