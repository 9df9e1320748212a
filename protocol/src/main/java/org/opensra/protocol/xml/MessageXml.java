package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import org.opensra.protocol.Message;

/** Errors and warnings in both forms (ERR-2, ERR-3, ERR-4). */
public final class MessageXml {
    private MessageXml() {
    }

    /** Writes {@code <Error>} or {@code <Warning>}. */
    public static void write(XmlOut out, String element, Message message) {
        if (message instanceof Message.Predefined p) {
            if (p.placeholders().isEmpty()) {
                out.empty(element).attr("code", Integer.toString(p.code()));
                return;
            }
            out.start(element).attr("code", Integer.toString(p.code()));
            for (Message.Placeholder ph : p.placeholders()) {
                out.leaf(ph.name(), ph.value());
            }
            out.end();
        } else if (message instanceof Message.Undefined u) {
            out.start(element).leaf("Description", u.description()).leaf("FixHint", u.fixHint()).end();
        }
    }

    public static void writeError(XmlOut out, Message error) {
        write(out, "Error", error);
    }

    /** Writes {@code <Warnings>} when there are any. */
    public static void writeWarnings(XmlOut out, List<Message> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        out.start("Warnings");
        for (Message w : warnings) {
            write(out, "Warning", w);
        }
        out.end();
    }

    /** Reads an Error or Warning element; placeholders in any namespace are taken by local name. */
    public static Message read(XmlNode node) {
        if (node.attribute("code").isPresent()) {
            int code = Numbers.parseInt(node.requiredAttribute("code"), "code of <" + node.name() + ">");
            List<Message.Placeholder> placeholders = new ArrayList<>();
            for (XmlNode child : node.children()) {
                placeholders.add(new Message.Placeholder(child.name(), child.text()));
            }
            return new Message.Predefined(code, placeholders);
        }
        if (!node.has("Description")) {
            throw new XmlContentException("<" + node.name() + "> has neither a code nor a Description");
        }
        return new Message.Undefined(node.requiredChildText("Description"), node.childText("FixHint").orElse(""));
    }

    /** The warnings of an element: {@code <Warnings><Warning/>..</Warnings>}, plus bare Warning children. */
    public static List<Message> readWarnings(XmlNode parent) {
        List<Message> warnings = new ArrayList<>();
        for (XmlNode w : parent.list("Warnings", "Warning")) {
            warnings.add(read(w));
        }
        for (XmlNode w : parent.children("Warning")) {
            warnings.add(read(w));
        }
        return warnings;
    }
}
