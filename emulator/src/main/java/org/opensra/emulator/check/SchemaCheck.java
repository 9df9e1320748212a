package org.opensra.emulator.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.opensra.emulator.xml.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The structure check of every response (INV-3) against the emulator's own {@link ResponseGrammar}: element
 * names and namespace, order, cardinalities, attributes and their kinds, simple content. It shares no code or
 * schema with the SRA under test.
 */
public final class SchemaCheck {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private final ResponseGrammar grammar;
    private final DatatypeFactory dates;

    private SchemaCheck(ResponseGrammar grammar) {
        this.grammar = grammar;
        try {
            this.dates = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SchemaCheck locate() {
        return new SchemaCheck(ResponseGrammar.load());
    }

    /** Empty when the response's structure matches the command's table; the first mismatch otherwise. */
    public Optional<String> validate(String command, Element response) {
        ResponseGrammar.Type t = grammar.response(command);
        if (t == null) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        content(response, t, "/Response", problems);
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0));
    }

    private void element(Element e, String typeName, String where, List<String> problems) {
        if (!Xml.NS.equals(e.getNamespaceURI())) {
            problems.add(where + ": element in namespace " + e.getNamespaceURI() + ", expected " + Xml.NS);
            return;
        }
        if (ResponseGrammar.BUILT_IN.contains(typeName)) {
            attributes(e, java.util.Map.of(), typeName.equals("any"), where, problems);
            builtIn(e, typeName, where, problems);
            return;
        }
        ResponseGrammar.Type t = grammar.type(typeName);
        attributes(e, t.attrs(), false, where, problems);
        content(e, t, where, problems);
    }

    private void content(Element e, ResponseGrammar.Type t, String where, List<String> problems) {
        if (t.builtIn() != null) {
            builtIn(e, t.builtIn(), where, problems);
            return;
        }
        List<Element> kids = Xml.children(e);
        if (hasText(e)) {
            problems.add(where + ": text is not allowed here, only elements");
            return;
        }
        List<String> firstFailure = null;
        for (List<ResponseGrammar.Particle> seq : t.alternatives()) {
            List<String> attempt = new ArrayList<>();
            if (sequence(kids, seq, where, attempt)) {
                problems.addAll(attempt);
                return;
            }
            if (firstFailure == null) {
                firstFailure = attempt;
            }
        }
        problems.addAll(firstFailure);
    }

    /** True when the children fit the sequence (problems then hold deeper findings); false with the reason. */
    private boolean sequence(List<Element> kids, List<ResponseGrammar.Particle> seq, String where,
                             List<String> problems) {
        int i = 0;
        List<String> deeper = new ArrayList<>();
        for (ResponseGrammar.Particle p : seq) {
            int n = 0;
            while (i < kids.size() && p.element().equals(Xml.local(kids.get(i))) && (p.max() < 0 || n < p.max())) {
                element(kids.get(i), p.type(), where + "/" + p.element(), deeper);
                i++;
                n++;
            }
            if (n < p.min()) {
                problems.add(where + ": expected <" + p.element() + ">" + (p.min() > 1 ? " x" + p.min() : "")
                        + " " + (i < kids.size() ? "but found <" + Xml.local(kids.get(i)) + ">" : "but found nothing")
                        + " (expected order: " + order(seq) + ")");
                return false;
            }
        }
        if (i < kids.size()) {
            problems.add(where + ": unexpected <" + Xml.local(kids.get(i)) + "> (expected order: " + order(seq) + ")");
            return false;
        }
        problems.addAll(deeper);
        return true;
    }

    private static String order(List<ResponseGrammar.Particle> seq) {
        StringBuilder b = new StringBuilder();
        for (ResponseGrammar.Particle p : seq) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(p.element()).append(p.min() == 0 ? (p.max() == 1 ? "?" : "*") : (p.max() == 1 ? "" : "+"));
        }
        return b.toString();
    }

    private void builtIn(Element e, String kind, String where, List<String> problems) {
        if (kind.equals("any")) {
            return;
        }
        if (!Xml.children(e).isEmpty()) {
            problems.add(where + ": no child elements allowed, found <" + Xml.local(Xml.children(e).get(0)) + ">");
            return;
        }
        String text = e.getTextContent().strip();
        switch (kind) {
            case "empty" -> {
                if (!text.isEmpty()) {
                    problems.add(where + ": must be empty, holds \"" + text + "\"");
                }
            }
            case "int" -> {
                if (!text.matches("[+-]?\\d+")) {
                    problems.add(where + ": \"" + text + "\" is not an integer");
                }
            }
            case "dateTime" -> {
                if (!isDateTime(text)) {
                    problems.add(where + ": \"" + text + "\" is not an xsd:dateTime");
                }
            }
            default -> {
                // text: anything
            }
        }
    }

    private void attributes(Element e, java.util.Map<String, ResponseGrammar.Attr> allowed, boolean anyAllowed,
                            String where, List<String> problems) {
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (XMLNS.equals(a.getNamespaceURI()) || anyAllowed) {
                continue;
            }
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            ResponseGrammar.Attr spec = allowed.get(name);
            if (spec == null || a.getNamespaceURI() != null) {
                problems.add(where + ": attribute " + name + " is not allowed here");
                continue;
            }
            kind(a.getValue(), spec.kind(), where + "/@" + name, problems);
        }
        for (ResponseGrammar.Attr spec : allowed.values()) {
            if (spec.required() && !e.hasAttribute(spec.name())) {
                problems.add(where + ": attribute " + spec.name() + " is required");
            }
        }
    }

    private void kind(String value, String kind, String where, List<String> problems) {
        String v = value.strip();
        boolean ok = switch (kind) {
            case "string" -> true;
            case "int" -> v.matches("[+-]?\\d+");
            case "bool" -> v.equals("true") || v.equals("false") || v.equals("1") || v.equals("0");
            case "dateTime" -> isDateTime(v);
            default -> List.of(kind.split("\\|")).contains(value);
        };
        if (!ok) {
            problems.add(where + ": \"" + value + "\" is not " + (kind.contains("|") ? "one of " + kind
                    : kind.equals("int") ? "an integer" : kind.equals("bool") ? "a boolean" : "an xsd:" + kind));
        }
    }

    private boolean isDateTime(String text) {
        try {
            return dates.newXMLGregorianCalendar(text).getXMLSchemaType().getLocalPart().equals("dateTime");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasText(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !n.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
