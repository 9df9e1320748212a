package org.opensra.protocol.xml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads a whole document into {@link XmlNode}s with the secure JDK StAX reader. A DOCTYPE is refused
 * (TOL-2). Elements named {@code ReplicationSettings} below the root's first level are opaque: their
 * verbatim XML is kept instead of their children.
 */
public final class XmlTreeReader {
    private static final String OPAQUE = "ReplicationSettings";
    /** Far deeper than any SRA document; bounds the recursion so hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;

    private XmlTreeReader() {
    }

    /** The root element; XMLStreamException for malformed XML or a DOCTYPE. */
    public static XmlNode read(byte[] document) throws XMLStreamException {
        // a factory per document: the JDK does not promise that one factory may be shared between threads
        XMLStreamReader reader = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(document));
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE declarations are not allowed in SRA documents");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("entity references are not allowed: &" + reader.getLocalName() + ";");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    XmlNode root = element(reader, 0);
                    drain(reader);
                    return root;
                }
            }
            throw new XMLStreamException("the document has no root element");
        } finally {
            reader.close();
        }
    }

    private static void drain(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("DOCTYPE and entity references are not allowed");
            }
        }
    }

    /** Reads the element the reader is positioned on, up to and including its end tag. */
    private static XmlNode element(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH + " levels", reader.getLocation());
        }
        String name = reader.getLocalName();
        String[] attributes = attributes(reader);
        if (depth >= 2 && OPAQUE.equals(name)) {
            return new XmlNode(name, attributes, List.of(), "", FragmentCopy.copyElement(reader));
        }
        List<XmlNode> children = new ArrayList<>(4);
        StringBuilder text = null;
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    children.add(element(reader, depth + 1));
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (text == null) {
                        text = new StringBuilder();
                    }
                    text.append(reader.getText());
                    break;
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new XMLStreamException("entity references are not allowed: &" + reader.getLocalName() + ";");
                case XMLStreamConstants.DTD:
                    throw new XMLStreamException("DOCTYPE declarations are not allowed in SRA documents");
                case XMLStreamConstants.END_ELEMENT:
                    return new XmlNode(name, attributes, children, text == null ? "" : text.toString().strip(), null);
                default:
                    break;
            }
        }
    }

    private static String[] attributes(XMLStreamReader reader) {
        int count = reader.getAttributeCount();
        String[] attributes = new String[count * 2];
        for (int i = 0; i < count; i++) {
            attributes[2 * i] = reader.getAttributeLocalName(i);
            attributes[2 * i + 1] = reader.getAttributeValue(i);
        }
        return attributes;
    }

    /** Serialises one element and its content, as positioned on its start tag, to XML text. */
    static final class FragmentCopy {
        private FragmentCopy() {
        }

        static String copyElement(XMLStreamReader reader) throws XMLStreamException {
            StringWriter out = new StringWriter();
            XMLStreamWriter writer = SecureXml.outputFactory().createXMLStreamWriter(out);
            copyElement(reader, writer);
            writer.flush();
            writer.close();
            return out.toString();
        }

        /**
         * Copies the element the reader is on into the writer. Prefixes used but declared outside the element
         * are declared on it, so that the copy stands alone; the document's default namespace is not repeated.
         */
        static void copyElement(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
            Deque<Map<String, String>> scopes = new ArrayDeque<>();
            String documentDefault = reader.getNamespaceContext().getNamespaceURI("");
            Map<String, String> inherited = new HashMap<>();
            inherited.put("", documentDefault == null ? "" : documentDefault);
            scopes.push(inherited);
            int depth = 0;
            while (true) {
                switch (reader.getEventType()) {
                    case XMLStreamConstants.START_ELEMENT:
                        startElement(reader, writer, scopes);
                        depth++;
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        writer.writeEndElement();
                        scopes.pop();
                        depth--;
                        if (depth == 0) {
                            return;
                        }
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.SPACE:
                    case XMLStreamConstants.CDATA:
                        writer.writeCharacters(reader.getText());
                        break;
                    case XMLStreamConstants.COMMENT:
                        writer.writeComment(reader.getText());
                        break;
                    case XMLStreamConstants.PROCESSING_INSTRUCTION:
                        writer.writeProcessingInstruction(reader.getPITarget(), reader.getPIData());
                        break;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new XMLStreamException("entity references are not allowed");
                    default:
                        break;
                }
                reader.next();
            }
        }

        private static void startElement(XMLStreamReader reader, XMLStreamWriter writer,
                                         Deque<Map<String, String>> scopes) throws XMLStreamException {
            String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
            String uri = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            writer.writeStartElement(prefix, reader.getLocalName(), uri);
            Map<String, String> declared = new HashMap<>();
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                String p = reader.getNamespacePrefix(i) == null ? "" : reader.getNamespacePrefix(i);
                String u = reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i);
                declare(writer, declared, p, u);
            }
            scopes.push(declared);
            if (!isDeclared(scopes, prefix, uri)) {
                declare(writer, declared, prefix, uri);
            }
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String ap = reader.getAttributePrefix(i) == null ? "" : reader.getAttributePrefix(i);
                String au = reader.getAttributeNamespace(i) == null ? "" : reader.getAttributeNamespace(i);
                if (ap.isEmpty()) {
                    writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                } else {
                    if (!isDeclared(scopes, ap, au)) {
                        declare(writer, declared, ap, au);
                    }
                    writer.writeAttribute(ap, au, reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                }
            }
        }

        private static boolean isDeclared(Deque<Map<String, String>> scopes, String prefix, String uri) {
            for (Map<String, String> scope : scopes) {
                if (scope.containsKey(prefix)) {
                    return scope.get(prefix).equals(uri);
                }
            }
            return false;
        }

        private static void declare(XMLStreamWriter writer, Map<String, String> declared, String prefix, String uri)
                throws XMLStreamException {
            if (prefix.isEmpty()) {
                writer.writeDefaultNamespace(uri);
            } else {
                writer.writeNamespace(prefix, uri);
            }
            declared.put(prefix, uri);
        }
    }
}
