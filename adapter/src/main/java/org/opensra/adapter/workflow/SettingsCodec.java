package org.opensra.adapter.workflow;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opensra.protocol.model.ReplicationSettings;

/**
 * OpenSRA's ReplicationSettings blob (RS-1): {@code <ReplicationSettings><Setting name=".." value=".."/>
 * ...</ReplicationSettings>}. SRM stores it and hands it back unchanged to reverse and restore, where
 * it is only a hint (RS-2): a blob that cannot be read is reported, never fatal.
 */
final class SettingsCodec {
    private SettingsCodec() {
    }

    static ReplicationSettings encode(org.opensra.spi.ReplicationSettings settings) {
        StringBuilder content = new StringBuilder();
        settings.values().forEach((name, value) -> content.append("<Setting name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\"/>"));
        return ReplicationSettings.ofContent(content.toString());
    }

    /** The settings of a blob, or an {@link IllegalArgumentException} saying why it is not valid. */
    static org.opensra.spi.ReplicationSettings decode(ReplicationSettings blob) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, String> values = new LinkedHashMap<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(blob.xml()));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        if (!"Setting".equals(reader.getLocalName())) {
                            throw new IllegalArgumentException("unexpected element <" + reader.getLocalName() + ">");
                        }
                        String name = reader.getAttributeValue(null, "name");
                        String value = reader.getAttributeValue(null, "value");
                        if (name == null || name.isBlank() || value == null) {
                            throw new IllegalArgumentException("a Setting needs a name and a value");
                        }
                        values.put(name.strip(), value.strip());
                    } else if (depth > 2) {
                        throw new IllegalArgumentException("unexpected element <" + reader.getLocalName() + ">");
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        return new org.opensra.spi.ReplicationSettings(values);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
