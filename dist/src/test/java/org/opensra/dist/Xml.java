package org.opensra.dist;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A response document read with DOM, looked at by local element names (namespace-agnostic). */
final class Xml {
    private final Element root;
    private final String text;

    private Xml(Element root, String text) {
        this.root = root;
        this.text = text;
    }

    static Xml parse(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Xml(f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement(),
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not a well-formed response: " + e.getMessage() + "\n"
                    + new String(bytes, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    Element root() {
        return root;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Every descendant element with this local name, in document order. */
    static List<Element> all(Element from, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = from.getElementsByTagNameNS("*", name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    List<Element> all(String name) {
        return all(root, name);
    }

    /** Direct children with this local name. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }

    /** The first element with this local name whose attribute has this value. */
    Optional<Element> find(String name, String attribute, String value) {
        return all(name).stream().filter(e -> value.equals(e.getAttribute(attribute))).findFirst();
    }

    Element get(String name, String attribute, String value) {
        return find(name, attribute, value).orElseThrow(() -> new AssertionError(
                "no <" + name + " " + attribute + "=\"" + value + "\"> in\n" + text));
    }

    /** The code of the element's own Error child, if any. */
    static Optional<String> errorCode(Element item) {
        return child(item, "Error").map(e -> e.getAttribute("code"));
    }

    /** The response-level Error code, if the whole command failed. */
    Optional<String> topError() {
        return errorCode(root);
    }

    /** Warning codes directly under this element's Warnings child. */
    static List<String> warnings(Element item) {
        return child(item, "Warnings").map(w -> children(w, "Warning").stream().map(e -> e.getAttribute("code")).toList())
                .orElse(List.of());
    }
}
