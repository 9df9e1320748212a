package org.opensra.protocol;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** A one-line description of an XML parse failure, with its position. */
final class XmlProblem {
    private XmlProblem() {
    }

    static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int idx = message.indexOf("Message: ");
        if (idx >= 0) {
            message = message.substring(idx + "Message: ".length());
        }
        message = message.replace('\n', ' ').strip();
        Location at = e.getLocation();
        if (at != null && at.getLineNumber() > 0) {
            return message + " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        }
        return message;
    }
}
