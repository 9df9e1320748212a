package org.opensra.protocol.model;

import java.io.StringReader;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opensra.protocol.SraNamespace;
import org.opensra.protocol.xml.SecureXml;

/**
 * The SRA-defined {@code <ReplicationSettings>} element (RS-1), kept verbatim as XML text: the whole
 * element including its own start and end tag. Elements of the SRA namespace are written unprefixed (they
 * inherit the document's default namespace); foreign namespaces keep their declarations. SRM passes it
 * back unchanged to reverse/restore commands.
 */
public record ReplicationSettings(String xml) {
    private static final String START = "<ReplicationSettings";
    private static final String END = "</ReplicationSettings>";

    public ReplicationSettings {
        Objects.requireNonNull(xml, "xml");
        String trimmed = xml.strip();
        if (!trimmed.startsWith(START) || !(trimmed.endsWith(END) || trimmed.endsWith("/>"))) {
            throw new IllegalArgumentException("not a <ReplicationSettings> element: " + abbreviate(trimmed));
        }
        requireWellFormed(trimmed);
        xml = trimmed;
    }

    /** One well-formed element (foreign prefixes declared), no DOCTYPE: checked with the secure JDK reader. */
    private static void requireWellFormed(String element) {
        String wrapped = "<w xmlns=\"" + SraNamespace.URI + "\">" + element + "</w>";
        try {
            XMLStreamReader reader = SecureXml.inputFactory()
                    .createXMLStreamReader(new StringReader(wrapped));
            try {
                int depth = 0;
                int topLevelElements = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2) {
                            topLevelElements++;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                        throw new IllegalArgumentException("entity references are not allowed in ReplicationSettings");
                    }
                }
                if (topLevelElements != 1) {
                    throw new IllegalArgumentException("ReplicationSettings must be exactly one element");
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("ReplicationSettings is not well-formed XML: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '), e);
        }
    }

    /** Settings whose element content is the given XML fragment (elements and/or text, already escaped). */
    public static ReplicationSettings ofContent(String contentXml) {
        return new ReplicationSettings(START + ">" + contentXml + END);
    }

    /** The content between the start and end tag; empty for {@code <ReplicationSettings/>}. */
    public String content() {
        if (xml.endsWith("/>") && !xml.endsWith(END)) {
            return "";
        }
        int open = startTagEnd(xml);
        return xml.substring(open + 1, xml.length() - END.length());
    }

    private static int startTagEnd(String xml) {
        char quote = 0;
        for (int i = START.length(); i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        throw new IllegalStateException("unterminated start tag");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
