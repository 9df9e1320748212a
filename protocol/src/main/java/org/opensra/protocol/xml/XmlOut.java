package org.opensra.protocol.xml;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.opensra.protocol.SraNamespace;

/**
 * Writes one SRA document (UTF-8, default namespace {@link SraNamespace#URI}) indented for humans, on top of
 * the JDK's StAX writer. Element content is either text or child elements, never both, so indentation never
 * changes a value.
 */
public final class XmlOut {
    private static final String INDENT = "  ";
    private static final String[] NEWLINE_INDENT = new String[32];

    static {
        for (int i = 0; i < NEWLINE_INDENT.length; i++) {
            NEWLINE_INDENT[i] = "\n" + INDENT.repeat(i);
        }
    }

    private final XMLStreamWriter writer;
    private final OutputStream sink;
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    private XmlOut(XMLStreamWriter writer, OutputStream sink) {
        this.writer = writer;
        this.sink = sink;
    }

    /** Starts a document whose root element is {@code rootName} in the SRA namespace. */
    public static XmlOut document(OutputStream out, String rootName) {
        try {
            OutputStream sink = new BufferedOutputStream(out, 64 * 1024);
            XMLStreamWriter w = SecureXml.outputFactory().createXMLStreamWriter(sink, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(SraNamespace.URI);
            w.writeStartElement("", rootName, SraNamespace.URI);
            w.writeDefaultNamespace(SraNamespace.URI);
            XmlOut x = new XmlOut(w, sink);
            x.hasChildren.push(Boolean.FALSE);
            return x;
        } catch (XMLStreamException e) {
            throw new XmlContentException("cannot start XML document: " + e.getMessage(), e);
        }
    }

    public XmlOut start(String name) {
        try {
            newLineForChild();
            writer.writeStartElement("", name, SraNamespace.URI);
            hasChildren.push(Boolean.FALSE);
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An attribute of the element just started (before any content). */
    public XmlOut attr(String name, String value) {
        try {
            writer.writeAttribute(name, XmlChars.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    public XmlOut attr(String name, Optional<String> value) {
        return value.isPresent() ? attr(name, value.get()) : this;
    }

    /** Ends the current element. */
    public XmlOut end() {
        try {
            boolean children = hasChildren.pop();
            if (children) {
                writer.writeCharacters(newLineIndent(hasChildren.size()));
            }
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** A text-only element {@code <name>text</name>}. */
    public XmlOut leaf(String name, String text) {
        start(name);
        try {
            writer.writeCharacters(XmlChars.clean(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        hasChildren.pop();
        hasChildren.push(Boolean.FALSE);
        return end();
    }

    public XmlOut leaf(String name, Optional<String> text) {
        return text.isPresent() ? leaf(name, text.get()) : this;
    }

    /** An element with text and one attribute, e.g. {@code <Name stringId="x">text</Name>}. */
    public XmlOut leaf(String name, String attrName, Optional<String> attrValue, String text) {
        start(name);
        attr(attrName, attrValue);
        try {
            writer.writeCharacters(XmlChars.clean(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return end();
    }

    /** An element with text and two optional attributes. */
    public XmlOut leafWithAttributes(String name, String text, String attr1, Optional<String> value1, String attr2,
                                     Optional<String> value2) {
        start(name);
        attr(attr1, value1);
        attr(attr2, value2);
        try {
            writer.writeCharacters(XmlChars.clean(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return end();
    }

    /** An empty element {@code <name/>}; attributes may follow with {@link #attr}. */
    public XmlOut empty(String name) {
        try {
            newLineForChild();
            writer.writeEmptyElement("", name, SraNamespace.URI);
            return this;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Copies a standalone XML element verbatim (e.g. ReplicationSettings). Unprefixed elements without a
     * namespace declaration land in the SRA namespace.
     */
    public XmlOut fragment(String elementXml) {
        try {
            newLineForChild();
            String wrapped = "<w xmlns=\"" + SraNamespace.URI + "\">" + elementXml + "</w>";
            XMLStreamReader reader = SecureXml.inputFactory()
                    .createXMLStreamReader(new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)));
            try {
                reader.nextTag();
                int event = reader.next();
                while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                    event = reader.next();
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    throw new XmlContentException("fragment holds no element");
                }
                XmlTreeReader.FragmentCopy.copyElement(reader, writer);
            } finally {
                reader.close();
            }
            return this;
        } catch (XMLStreamException e) {
            throw new XmlContentException("not well-formed XML fragment: " + e.getMessage(), e);
        }
    }

    /** Ends the root element and the document. */
    public void finish() {
        try {
            end();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
            writer.close();
            sink.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    private void newLineForChild() throws XMLStreamException {
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(Boolean.TRUE);
        }
        writer.writeCharacters(newLineIndent(hasChildren.size()));
    }

    private static String newLineIndent(int depth) {
        return depth < NEWLINE_INDENT.length ? NEWLINE_INDENT[depth] : "\n" + INDENT.repeat(depth);
    }

    private static XmlContentException failure(XMLStreamException e) {
        return new XmlContentException("cannot write XML: " + e.getMessage(), e);
    }
}
