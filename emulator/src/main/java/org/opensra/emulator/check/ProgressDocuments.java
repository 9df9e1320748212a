package org.opensra.emulator.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensra.emulator.xml.Xml;
import org.opensra.emulator.xml.XmlParseException;
import org.w3c.dom.Element;

/**
 * INV-4: the StatusFile as SRM reads it: a series of {@code <ProgressUpdate xmlns="...">N</ProgressUpdate>}
 * documents (each optionally with its XML declaration), N an integer 0..100, never going back.
 */
public final class ProgressDocuments {
    private static final Pattern DECLARATION = Pattern.compile("<\\?xml[^?]*\\?>");
    private static final Pattern DOCUMENT = Pattern.compile("<[^<>]*ProgressUpdate\\b[^>]*>[^<]*</[^<>]*ProgressUpdate\\s*>");

    private ProgressDocuments() {
    }

    /** The problems of a StatusFile's text; empty when every document is well-formed and progress is monotone. */
    public static List<String> problems(String statusFile) {
        List<String> out = new ArrayList<>();
        String text = DECLARATION.matcher(statusFile).replaceAll("");
        Matcher m = DOCUMENT.matcher(text);
        int last = Integer.MIN_VALUE;
        int end = 0;
        while (m.find()) {
            String between = text.substring(end, m.start());
            if (!between.isBlank()) {
                out.add("text outside a ProgressUpdate document: \"" + abbreviate(between.strip()) + "\"");
            }
            end = m.end();
            String doc = m.group();
            Element e;
            try {
                e = Xml.parse(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
            } catch (XmlParseException ex) {
                out.add("ProgressUpdate document is not well-formed: " + abbreviate(doc));
                continue;
            }
            if (!Xml.NS.equals(e.getNamespaceURI()) || !"ProgressUpdate".equals(Xml.local(e))) {
                out.add("ProgressUpdate must be in namespace " + Xml.NS + ": " + abbreviate(doc));
                continue;
            }
            String n = e.getTextContent().strip();
            if (!n.matches("\\d{1,3}")) {
                out.add("ProgressUpdate \"" + n + "\" is not an integer 0..100");
                continue;
            }
            int p = Integer.parseInt(n);
            if (p > 100) {
                out.add("ProgressUpdate out of 0..100: " + p);
            } else if (p < last) {
                out.add("progress went back from " + last + " to " + p);
            }
            last = Math.max(last, p);
        }
        if (!text.substring(end).isBlank()) {
            out.add("text outside a ProgressUpdate document: \"" + abbreviate(text.substring(end).strip()) + "\"");
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
