package org.opensra.protocol;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opensra.protocol.xml.SecureXml;
import org.opensra.protocol.xml.XmlTreeReader;

/**
 * The incoming request as it goes to the log (LOG-1): re-indented, with the text of every Username and
 * Password element replaced by {@value #MASK} (SEC-1). Malformed XML is masked by a text scan instead, which
 * over-masks rather than leaks: an unterminated credential element is masked up to the end of the input.
 */
public final class RequestLog {
    public static final String MASK = "********";

    private static final String INDENT = "  ";

    private RequestLog() {
    }

    public static String indentMasked(byte[] rawRequest) {
        try {
            return indent(rawRequest);
        } catch (XMLStreamException | RuntimeException e) {
            return maskText(RequestText.decode(rawRequest));
        }
    }

    private static boolean isCredential(String localName) {
        String n = localName.toLowerCase(Locale.ROOT);
        return n.equals("username") || n.equals("password");
    }

    private static String indent(byte[] raw) throws XMLStreamException {
        XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(raw));
        StringBuilder out = new StringBuilder();
        Deque<Frame> stack = new ArrayDeque<>();
        int masked = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new XMLStreamException("DOCTYPE or entity reference");
                    case XMLStreamConstants.START_ELEMENT:
                        if (masked > 0) {
                            masked++;
                            break;
                        }
                        if (!stack.isEmpty()) {
                            Frame parent = stack.peek();
                            if (!parent.hasChildren) {
                                out.append('>');
                            }
                            parent.hasChildren = true;
                        }
                        if (stack.size() >= XmlTreeReader.MAX_DEPTH) {
                            // the indentation would grow with the square of the depth: the text scan instead
                            throw new XMLStreamException("elements nested deeper than " + XmlTreeReader.MAX_DEPTH);
                        }
                        if (out.length() > 0) {
                            out.append('\n');
                        }
                        out.append(INDENT.repeat(stack.size())).append('<').append(qname(r.getPrefix(), r.getLocalName()));
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            String p = r.getNamespacePrefix(i);
                            out.append(p == null || p.isEmpty() ? " xmlns" : " xmlns:" + p).append("=\"")
                                    .append(escape(r.getNamespaceURI(i))).append('"');
                        }
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            out.append(' ').append(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)))
                                    .append("=\"").append(escape(r.getAttributeValue(i))).append('"');
                        }
                        Frame frame = new Frame(qname(r.getPrefix(), r.getLocalName()));
                        stack.push(frame);
                        if (isCredential(r.getLocalName())) {
                            frame.text.append(MASK);
                            masked = 1;
                        }
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (masked == 0 && !stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        if (masked > 1) {
                            masked--;
                            break;
                        }
                        masked = 0;
                        Frame done = stack.pop();
                        if (done.hasChildren) {
                            out.append('\n').append(INDENT.repeat(stack.size())).append("</").append(done.name)
                                    .append('>');
                        } else {
                            String text = done.text.toString().strip();
                            if (text.isEmpty()) {
                                out.append("/>");
                            } else {
                                out.append('>').append(escape(text)).append("</").append(done.name).append('>');
                            }
                        }
                        break;
                    default:
                        break;
                }
            }
        } finally {
            r.close();
        }
        return out.toString();
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Masks credential element content by text scan; unterminated ones are masked to the end. */
    static String maskText(String raw) {
        StringBuilder out = new StringBuilder();
        Matcher m = CredentialStart.PATTERN.matcher(raw);
        int pos = 0;
        while (m.find(pos)) {
            out.append(raw, pos, m.end());
            if (m.group(0).endsWith("/>")) {
                pos = m.end();
                continue;
            }
            String close = "</" + m.group(1);
            int end = indexOfIgnoreCase(raw, close, m.end());
            out.append(MASK);
            if (end < 0) {
                return out.toString();
            }
            pos = end;
        }
        out.append(raw.substring(pos));
        return out.toString();
    }

    /** The texts of the credential elements of a request that could not be read, by the same scan. */
    static java.util.List<String> credentialTexts(String raw) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        Matcher m = CredentialStart.PATTERN.matcher(raw);
        int pos = 0;
        while (m.find(pos)) {
            if (m.group(0).endsWith("/>")) {
                pos = m.end();
                continue;
            }
            int end = indexOfIgnoreCase(raw, "</" + m.group(1), m.end());
            texts.add(raw.substring(m.end(), end < 0 ? raw.length() : end));
            if (end < 0) {
                break;
            }
            pos = end;
        }
        return texts;
    }

    /**
     * Where {@code needle} (which starts with '<') is next, ignoring case. Scans from {@code from} only: lower-casing
     * the whole text for every credential made 20,000 of them take minutes (found by fuzzing).
     */
    private static int indexOfIgnoreCase(String haystack, String needle, int from) {
        for (int i = haystack.indexOf('<', from); i >= 0; i = haystack.indexOf('<', i + 1)) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Compiled only when a malformed request needs the text scan: regex set-up costs every command startup time. */
    private static final class CredentialStart {
        static final Pattern PATTERN = Pattern.compile(
                "<((?:[A-Za-z_][\\w.-]*:)?(?i:username|password))(\\s[^<>]*)?>");
    }

    private static final class Frame {
        final String name;
        final StringBuilder text = new StringBuilder();
        boolean hasChildren;

        Frame(String name) {
            this.name = name;
        }
    }
}
