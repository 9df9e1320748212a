package org.opensra.emulator.xml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Namespace-aware DOM helpers with DTDs and external entities switched off. */
public final class Xml {
    public static final String NS = "http://www.vmware.com/srm/sra/v2";

    private Xml() {
    }

    /** Parses bytes into a DOM; throws {@link XmlParseException} with a readable message. */
    public static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new XmlParseException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Child elements of {@code parent} with the given local name (any namespace). */
    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(local(e)))) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent) {
        return children(parent, null);
    }

    public static Optional<Element> child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    /** Follows a path of local names from parent, first match at each step. */
    public static Optional<Element> path(Element parent, String... names) {
        Element cur = parent;
        for (String n : names) {
            Optional<Element> next = child(cur, n);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cur = next.get();
        }
        return Optional.ofNullable(cur);
    }

    /** Trimmed text of the child with that name, or empty. */
    public static String text(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().trim()).orElse("");
    }

    /** All descendants (including self) with the given local name. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        if (localName.equals(local(root))) {
            out.add(0, root);
        }
        return out;
    }

    public static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** Attribute value or null when absent. */
    public static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    public static String serialize(Node node) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialize XML node", e);
        }
    }

    /** Escapes text for element content and attribute values. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
