package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only element of a parsed document: local name, attributes, child elements and its own trimmed
 * text. Element names are matched by local name, so that element order and (lack of) namespace do not
 * matter. Opaque {@code ReplicationSettings} elements also keep their verbatim XML.
 */
public final class XmlNode {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children;
    private final String text;
    private final String rawXml;

    XmlNode(String name, Map<String, String> attributes, List<XmlNode> children, String text, String rawXml) {
        this.name = name;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.children = Collections.unmodifiableList(new ArrayList<>(children));
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
        String value = attributes.get(attributeName);
        return value == null ? Optional.empty() : Optional.of(value.trim());
    }

    public String requiredAttribute(String attributeName) {
        return attribute(attributeName).orElseThrow(() -> new XmlContentException(
                "missing attribute " + attributeName + " on <" + name + ">"));
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
        return child(childName).orElseThrow(() -> new XmlContentException(
                "missing <" + childName + "> in <" + name + ">"));
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
        return child(names).map(XmlNode::text);
    }

    public String requiredChildText(String childName) {
        return requiredChild(childName).text();
    }

    /** The items of a list element: {@code <Wrapper><Item/>...</Wrapper>}, empty when the wrapper is absent. */
    public List<XmlNode> list(String wrapper, String item) {
        return child(wrapper).map(w -> w.children(item)).orElse(List.of());
    }

    @Override
    public String toString() {
        return "<" + name + attributes + ">";
    }
}
