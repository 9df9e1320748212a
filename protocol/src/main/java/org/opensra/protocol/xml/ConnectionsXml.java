package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensra.protocol.Connection;

/** {@code <Connections>} of array commands (CONN-2), with the spellings of TOL-1. */
public final class ConnectionsXml {
    private ConnectionsXml() {
    }

    /** Connections under {@code <Connections>} or directly under {@code <Command>} (both seen, TOL-1). */
    public static List<Connection> read(XmlNode command) {
        List<XmlNode> nodes = new ArrayList<>();
        for (XmlNode wrapper : command.children("Connections")) {
            nodes.addAll(wrapper.children("Connection"));
        }
        nodes.addAll(command.children("Connection"));
        List<Connection> connections = new ArrayList<>();
        for (XmlNode c : nodes) {
            connections.add(new Connection(c.attribute("id").orElse(""),
                    values(c.list("Addresses", "Address")), c.childText("Username"), c.childText("Password"),
                    values(c.child("Opaques", "Opagues").map(o -> o.children("Opaque")).orElse(List.of()))));
        }
        return connections;
    }

    private static Map<String, String> values(List<XmlNode> nodes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (XmlNode n : nodes) {
            values.put(n.attribute("id").orElse(""), n.text());
        }
        return values;
    }

    /** Writes {@code <Connections>} with {@code Opaques}/{@code Opaque} (TOL-1a). */
    public static void write(XmlOut out, List<Connection> connections) {
        if (connections.isEmpty()) {
            return;
        }
        out.start("Connections");
        for (Connection c : connections) {
            out.start("Connection");
            if (!c.id().isEmpty()) {
                out.attr("id", c.id());
            }
            out.start("Addresses");
            c.addresses().forEach((id, value) -> out.leaf("Address", "id", java.util.Optional.of(id), value));
            out.end();
            out.leaf("Username", c.username());
            out.leaf("Password", c.password());
            if (!c.opaques().isEmpty()) {
                out.start("Opaques");
                c.opaques().forEach((id, value) -> out.leaf("Opaque", "id", java.util.Optional.of(id), value));
                out.end();
            }
            out.end();
        }
        out.end();
    }
}
