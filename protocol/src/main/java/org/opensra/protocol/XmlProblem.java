package org.opensra.protocol;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** A one-line description of an XML parse failure, with its position. */
final class XmlProblem {
    private XmlProblem() {
    }

    /**
     * The description of a request's parse failure with every quoted fragment that is part of a Username or
     * Password text masked: the reader quotes an entity name, for instance, which may be part of a
     * password (SEC-1).
     */
    static String describe(XMLStreamException e, byte[] request) {
        String message = describe(e);
        if (message.indexOf('"') < 0 && message.indexOf('\'') < 0) {
            return message;
        }
        java.util.List<String> credentials = RequestLog.credentialTexts(RequestText.decode(request));
        if (credentials.isEmpty()) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            int close = c == '"' || c == '\'' ? message.indexOf(c, i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String quoted = message.substring(i + 1, close);
            boolean secret = false;
            for (String credential : credentials) {
                if (!quoted.isEmpty() && credential.contains(quoted)) {
                    secret = true;
                    break;
                }
            }
            out.append(c).append(secret ? RequestLog.MASK : quoted).append(c);
            i = close + 1;
        }
        return out.toString();
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
