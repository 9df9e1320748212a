package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A read-only element of a parsed document: local name, attributes, child elements and its own trimmed
 * text. Element names are matched by local name, so that element order and (lack of) namespace do not
 * matter. Opaque {@code ReplicationSettings} elements also keep their verbatim XML.
 */
public final class XmlNode {
    private static final String[] NO_ATTRIBUTES = new String[0];

    private final String name;
    /** Attribute names and values, alternating (few per element, so a scan beats a map). */
    private final String[] attributes;
    private final List<XmlNode> children;
    private final String text;
    private final String rawXml;

    /** The reader hands over its own lists; they are not modified afterwards. */
    XmlNode(String name, String[] attributes, List<XmlNode> children, String text, String rawXml) {
        this.name = name;
        this.attributes = attributes.length == 0 ? NO_ATTRIBUTES : attributes;
        this.children = children.isEmpty() ? List.of() : Collections.unmodifiableList(children);
        this.text = text;
        this.rawXml = rawXml;
    }

    public String name() {
        return name;
    }

    public List<XmlNode> children() {
        return children;
    }

    /** The element's own character content, surrounding whitespace removed (TOL-1). */
    public String text() {
        return text;
    }

    /** The verbatim XML of an opaque element (ReplicationSettings), empty for other elements. */
    public Optional<String> rawXml() {
        return Optional.ofNullable(rawXml);
    }

    public Optional<String> attribute(String attributeName) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(attributeName)) {
                return Optional.of(attributes[i + 1].trim());
            }
        }
        return Optional.empty();
    }

    public String requiredAttribute(String attributeName) {
        Optional<String> value = attribute(attributeName);
        if (value.isEmpty()) {
            throw new XmlContentException("missing attribute " + attributeName + " on <" + name + ">");
        }
        return value.get();
    }

    /** The first child with one of the given names (aliases, e.g. Opaques/Opagues). */
    public Optional<XmlNode> child(String... names) {
        for (XmlNode c : children) {
            for (String n : names) {
                if (c.name.equals(n)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    public XmlNode requiredChild(String childName) {
        Optional<XmlNode> child = child(childName);
        if (child.isEmpty()) {
            throw new XmlContentException("missing <" + childName + "> in <" + name + ">");
        }
        return child.get();
    }

    public boolean has(String... names) {
        return child(names).isPresent();
    }

    /** All children with one of the given names, in document order. */
    public List<XmlNode> children(String... names) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            for (String n : names) {
                if (c.name.equals(n)) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /** The trimmed text of the named child, if present. */
    public Optional<String> childText(String... names) {
        Optional<XmlNode> child = child(names);
        return child.isPresent() ? Optional.of(child.get().text()) : Optional.empty();
    }

    public String requiredChildText(String childName) {
        return requiredChild(childName).text();
    }

    /** The items of a list element: {@code <Wrapper><Item/>...</Wrapper>}, empty when the wrapper is absent. */
    public List<XmlNode> list(String wrapper, String item) {
        Optional<XmlNode> w = child(wrapper);
        return w.isPresent() ? w.get().children(item) : List.of();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("<").append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            b.append(' ').append(attributes[i]).append("=\"").append(attributes[i + 1]).append('"');
        }
        return b.append('>').toString();
    }
}
