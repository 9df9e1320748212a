package org.opensra.emulator.xml;

/** A response or file that is not well-formed XML (or carries a DTD). */
public class XmlParseException extends RuntimeException {
    public XmlParseException(String message) {
        super(message);
    }
}
