package org.opensra.adapter.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Structure-aware request fuzzer (issue 18; TOL-2, TOL-3): starts from a valid request of one of the 22
 * commands ({@link FuzzSeeds}) and mutates its element tree (dropped, repeated, reordered, moved and renamed
 * elements, hostile texts and attributes, wrong namespaces, deep nesting, another command's name) and/or its
 * bytes (DOCTYPE and entities, broken UTF-8, other encodings and BOMs, truncation, flipped and random
 * bytes). A case is a pure function of its seed and folder: the same seed gives the same request.
 *
 * <p>The mutations keep the SRA's files in the case folder: OutputFile, StatusFile and LogDirectory only get
 * values below the folder (or blanks), and no element is renamed to one of them. Username and Password
 * elements are never renamed, so that their texts stay credentials (SEC-1).
 */
public final class RequestFuzzer {
    /** One generated request. */
    public record Case(long seed, String command, List<String> mutations, byte[] request) {
        public String describe() {
            return "seed " + seed + " (" + command + ": " + String.join(", ", mutations) + ")";
        }
    }

    private static final List<String> NAMES = List.of("Command", "Name", "Connections", "Connection",
            "Addresses", "Address", "Opaques", "Opagues", "Opaque", "LogLevel", "ArrayId", "PeerArrayId",
            "ConsistencyGroups", "ConsistencyGroup", "SourceDevices", "SourceDevice", "TargetGroups", "TargetGroup",
            "TargetDevices", "TargetDevice", "Devices", "Device", "AccessGroups", "AccessGroup", "Initiator",
            "RecoveryPoint", "ReplicationSettings", "Setting", "Locale", "QueryStringsParameters",
            "DiscoverDevicesParameters", "FailoverParameters", "TestFailoverStartParameters", "SyncOnceParameters",
            "Response", "Error", "name", "NAME", "outputfile", "Unknown", "x");
    private static final List<String> PROTECTED = List.of("OutputFile", "StatusFile", "LogDirectory");
    private static final List<String> NAMESPACES = List.of("", "http://www.vmware.com/srm/sra/v1",
            "http://www.vmware.com/srm/sra/V2", "urn:other", "http://www.vmware.com/srm/sra/v2/",
            "http://www.w3.org/XML/1998/namespace2");

    private RequestFuzzer() {
    }

    /** The case of {@code seed}, with its files in {@code dir}. */
    public static Case generate(long seed, Path dir) {
        return generate(seed, dir, null);
    }

    /** The case of {@code seed} with every connection on {@code address} (null: the fake arrays' addresses). */
    public static Case generate(long seed, Path dir, String address) {
        Random random = new Random(seed);
        String command = FuzzSeeds.COMMANDS.get(random.nextInt(FuzzSeeds.COMMANDS.size()));
        int a = random.nextInt(100);
        if (address == null) {
            address = a < 85 ? "fake:" + FuzzSeeds.arrayOf(command) : a < 95 ? "refused" : "127.0.0.1:1";
        }
        String valid = FuzzSeeds.request(command, dir, address);
        List<String> mutations = new ArrayList<>();
        int kind = random.nextInt(100);
        byte[] bytes;
        if (kind < 4) {
            mutations.add("none");
            bytes = valid.getBytes(StandardCharsets.UTF_8);
        } else {
            String text = valid;
            if (kind < 70) {
                Document doc = parse(valid);
                int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 3);
                for (int i = 0; i < count; i++) {
                    mutations.add(new TreeMutation(random, doc, dir).apply());
                }
                text = Serializer.write(doc);
            }
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (kind >= 55) {
                int count = 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
                for (int i = 0; i < count; i++) {
                    ByteMutation m = new ByteMutation(random, bytes, dir);
                    bytes = m.apply();
                    mutations.add(m.name);
                }
            }
        }
        return new Case(seed, command, List.copyOf(mutations), bytes);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("seed request does not parse: " + e, e);
        }
    }

    /** A hostile text value. */
    static String hostile(Random random) {
        switch (random.nextInt(30)) {
            case 0: return "";
            case 1: return "   \t\n ";
            case 2: return "-1";
            case 3: return "99999999999999999999999999";
            case 4: return "NaN";
            case 5: return "../../../../etc/passwd";
            case 6: return "id with spaces & <angle> \"quotes\" 'apos'";
            case 7: return "ü€漢字😀";
            case 8: return "\u0001\u0002bad-control";
            case 9: return "\u0000";
            case 10: return "\uD800lone-surrogate";
            case 11: return "\uFEFF\u200Bzero-width";
            case 12: return "%s%n%x{0}${jndi:ldap://127.0.0.1:1/a}";
            case 13: return "x".repeat(256);
            case 14: return "y".repeat(4096);
            case 15: return "z".repeat(65536);
            case 16: return random.nextInt(10) == 0 ? "h".repeat(3 << 20) : "h".repeat(300_000);
            case 17: return "array-a";
            case 18: return "array-b";
            case 19: return "v1";
            case 20: return "r1";
            case 21: return "tg1";
            case 22: return "latest";
            case 23: return "1.5";
            case 24: return "true";
            case 25: return "line\r\nbreak";
            case 26: return "\\\\server\\share\\x";
            case 27: return "*";
            case 28: return "\u00A0";
            default: {
                StringBuilder s = new StringBuilder();
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : 32 + random.nextInt(95)));
                }
                return s.toString();
            }
        }
    }

    /** One change of the element tree; returns its name for the case description. */
    private static final class TreeMutation {
        private final Random random;
        private final Document doc;
        private final Path dir;

        TreeMutation(Random random, Document doc, Path dir) {
            this.random = random;
            this.doc = doc;
            this.dir = dir;
        }

        String apply() {
            List<Element> all = new ArrayList<>();
            collect(doc.getDocumentElement(), all);
            Element e = all.get(random.nextInt(all.size()));
            Element root = doc.getDocumentElement();
            if (inProtected(e)) {
                // the SRA's file paths only ever get values inside the case folder
                return isProtected(e.getLocalName()) ? text(e) : "keep-protected";
            }
            switch (random.nextInt(13)) {
                case 0:
                    if (e == root) {
                        return "keep-root";
                    }
                    e.getParentNode().removeChild(e);
                    return "drop " + e.getLocalName();
                case 1: {
                    if (e == root) {
                        return "keep-root";
                    }
                    int times = random.nextInt(20) == 0 ? 1000 + random.nextInt(30_000) : 1 + random.nextInt(3);
                    for (int i = 0; i < times; i++) {
                        e.getParentNode().insertBefore(e.cloneNode(true), e.getNextSibling());
                    }
                    return "repeat " + e.getLocalName() + " x" + times;
                }
                case 2: {
                    List<Node> children = new ArrayList<>();
                    while (e.getFirstChild() != null) {
                        children.add(e.removeChild(e.getFirstChild()));
                    }
                    Collections.shuffle(children, random);
                    for (Node c : children) {
                        e.appendChild(c);
                    }
                    return "reorder " + e.getLocalName();
                }
                case 3: {
                    Element target = all.get(random.nextInt(all.size()));
                    if (e == root || isAncestor(e, target) || inProtected(target)) {
                        return "keep-move";
                    }
                    target.appendChild(e);
                    return "move " + e.getLocalName() + " into " + target.getLocalName();
                }
                case 4:
                case 5:
                    return text(e);
                case 6:
                    return attribute(e);
                case 7: {
                    if (isCredential(e) || isProtected(e.getLocalName())) {
                        return "keep-name";
                    }
                    String name = newName();
                    doc.renameNode(e, e.getNamespaceURI(), name);
                    return "rename " + e.getLocalName() + " to " + (name.length() > 40 ? name.length() + " chars" : name);
                }
                case 8: {
                    String ns = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
                    doc.renameNode(e, ns.isEmpty() ? null : ns, e.getLocalName());
                    return "namespace of " + e.getLocalName() + " to '" + ns + "'";
                }
                case 9: {
                    // far deeper nesting is a byte mutation: the tree walks here are recursive
                    int depth = random.nextInt(4) == 0 ? 60 + random.nextInt(20) : 1 + random.nextInt(10);
                    Element inner = e;
                    for (int i = 0; i < depth; i++) {
                        Element wrap = doc.createElementNS(FuzzSeeds.NAMESPACE, random.nextBoolean() ? "Nest" : e.getLocalName());
                        inner.appendChild(wrap);
                        inner = wrap;
                    }
                    inner.setTextContent(hostile(random));
                    return "nest " + depth + " in " + e.getLocalName();
                }
                case 10: {
                    Element name = first(root, "Name");
                    if (name == null) {
                        return "keep-name";
                    }
                    String other = random.nextInt(3) == 0 ? hostile(random)
                            : FuzzSeeds.COMMANDS.get(random.nextInt(FuzzSeeds.COMMANDS.size()));
                    if (random.nextInt(4) == 0) {
                        other = random.nextBoolean() ? other.toUpperCase() : " " + other + " ";
                    }
                    name.setTextContent(other);
                    return "command name " + (other.length() > 40 ? other.length() + " chars" : "'" + other + "'");
                }
                case 11: {
                    Element extra = doc.createElementNS(random.nextBoolean() ? FuzzSeeds.NAMESPACE : "urn:x", newName());
                    extra.setTextContent(hostile(random));
                    if (random.nextBoolean()) {
                        extra.setAttribute("id", hostile(random));
                    }
                    e.insertBefore(extra, e.getFirstChild());
                    return "insert " + shortName(extra.getLocalName()) + " in " + e.getLocalName();
                }
                default: {
                    if (random.nextBoolean()) {
                        e.insertBefore(doc.createCDATASection(hostile(random).replace("]]>", "")), e.getFirstChild());
                        return "cdata in " + e.getLocalName();
                    }
                    e.appendChild(doc.createComment("c"));
                    e.appendChild(doc.createTextNode(hostile(random)));
                    return "mixed text in " + e.getLocalName();
                }
            }
        }

        private String text(Element e) {
            if (hasElementChildren(e)) {
                e.appendChild(doc.createTextNode(hostile(random)));
                return "text among children of " + e.getLocalName();
            }
            String name = e.getLocalName();
            String value;
            if (isProtected(name)) {
                int pick = random.nextInt(5);
                String stem = name.equals("OutputFile") ? "response" : name.equals("StatusFile") ? "status" : "logs";
                value = pick == 0 ? "" : pick == 1 ? "  " : pick == 2
                        ? dir + "/missing-folder/" + stem + ".xml"
                        : dir + "/" + stem + hostile(random).replace('/', '_').replace('\u0000', '_');
            } else if (isCredential(e)) {
                value = random.nextBoolean() ? e.getTextContent() + hostile(random) : hostile(random) + e.getTextContent();
            } else {
                value = hostile(random);
            }
            e.setTextContent(value);
            return "text of " + name + (value.length() > 40 ? " (" + value.length() + " chars)" : " '" + value + "'");
        }

        private String attribute(Element e) {
            NamedNodeMap attributes = e.getAttributes();
            int choice = random.nextInt(3);
            if (attributes.getLength() > 0 && choice < 2) {
                Attr a = (Attr) attributes.item(random.nextInt(attributes.getLength()));
                if (choice == 0) {
                    e.removeAttributeNode(a);
                    return "drop @" + a.getName() + " of " + e.getLocalName();
                }
                String value = hostile(random);
                a.setValue(value);
                return "@" + a.getName() + " of " + e.getLocalName() + " = " + (value.length() > 40 ? value.length() + " chars" : "'" + value + "'");
            }
            String name = random.nextBoolean() ? "id" : random.nextBoolean() ? "key" : "syncId";
            e.setAttribute(name, hostile(random));
            return "add @" + name + " to " + e.getLocalName();
        }

        private String newName() {
            int pick = random.nextInt(10);
            if (pick == 0) {
                return "N" + "n".repeat(random.nextInt(3) == 0 ? 200_000 : 1000);
            }
            return NAMES.get(random.nextInt(NAMES.size()));
        }
    }

    private static String shortName(String name) {
        return name.length() > 40 ? name.length() + " chars" : name;
    }

    private static boolean isCredential(Element e) {
        return e.getLocalName().equals("Username") || e.getLocalName().equals("Password");
    }

    private static boolean isProtected(String name) {
        return PROTECTED.contains(name);
    }

    private static boolean inProtected(Node node) {
        for (Node n = node; n instanceof Element; n = n.getParentNode()) {
            if (isProtected(n.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasElementChildren(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element first(Element parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element && name.equals(c.getLocalName())) {
                return (Element) c;
            }
        }
        return null;
    }

    private static void collect(Element e, List<Element> into) {
        into.add(e);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                collect((Element) c, into);
            }
        }
    }

    /** One change of the bytes. */
    private static final class ByteMutation {
        private final Random random;
        private final byte[] in;
        String name;

        private final byte[] folder;

        ByteMutation(Random random, byte[] in, Path dir) {
            this.random = random;
            this.in = in;
            this.folder = dir.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A random position that is not inside a path of the case folder (a changed path could leave it). */
        private int position() {
            for (int attempt = 0; attempt < 50; attempt++) {
                int at = in.length == 0 ? 0 : random.nextInt(in.length);
                if (!inFolderPath(at)) {
                    return at;
                }
            }
            return 0;
        }

        private boolean inFolderPath(int at) {
            // a path of the folder starts with its bytes and runs to the next '<'
            for (int start = indexOf(in, folder, 0); start >= 0; start = indexOf(in, folder, start + 1)) {
                int end = start;
                while (end < in.length && in[end] != '<') {
                    end++;
                }
                if (at >= start && at <= end) {
                    return true;
                }
            }
            return false;
        }

        private static int indexOf(byte[] hay, byte[] needle, int from) {
            outer:
            for (int i = from; i <= hay.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        byte[] apply() {
            String text = new String(in, StandardCharsets.UTF_8);
            switch (random.nextInt(16)) {
                case 0: {
                    int at = in.length == 0 ? 0 : random.nextInt(in.length);
                    name = "truncate at " + at;
                    return java.util.Arrays.copyOf(in, at);
                }
                case 1: {
                    byte[] out = in.clone();
                    int n = 1 + random.nextInt(8);
                    for (int i = 0; i < n && out.length > 0; i++) {
                        out[position()] = (byte) random.nextInt(256);
                    }
                    name = "flip " + n + " bytes";
                    return out;
                }
                case 2: {
                    byte[] junk = new byte[1 + random.nextInt(16)];
                    random.nextBytes(junk);
                    name = "insert " + junk.length + " random bytes";
                    return insert(in, position(), junk);
                }
                case 3: {
                    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
                    byte[] seq = bad[random.nextInt(bad.length)];
                    int at = textPosition(text);
                    name = "broken UTF-8 at " + at;
                    return insert(in, at, seq);
                }
                case 4: {
                    byte[][] boms = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF},
                            {(byte) 0xFF, (byte) 0xFE}, {0, 0, (byte) 0xFE, (byte) 0xFF}};
                    int pick = random.nextInt(boms.length);
                    name = "BOM " + pick;
                    return insert(in, 0, boms[pick]);
                }
                case 5: {
                    String[] charsets = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "ISO-8859-1", "windows-1252"};
                    String cs = charsets[random.nextInt(charsets.length)];
                    boolean relabel = random.nextBoolean();
                    String body = relabel ? text.replace("encoding=\"UTF-8\"", "encoding=\"" + cs + "\"") : text;
                    name = "encode " + cs + (relabel ? " (declared)" : " (declared UTF-8)");
                    return body.getBytes(Charset.forName(cs));
                }
                case 6: {
                    String[] labels = {"EBCDIC-bogus", "", "UTF-7", "US-ASCII", "UTF-16", "Shift_JIS", "x".repeat(5000)};
                    String label = labels[random.nextInt(labels.length)];
                    name = "declared encoding '" + shortName(label) + "'";
                    return text.replace("encoding=\"UTF-8\"", "encoding=\"" + label + "\"").getBytes(StandardCharsets.UTF_8);
                }
                case 7:
                case 8: {
                    String[] doctypes = {
                        "<!DOCTYPE Command [<!ENTITY x \"expanded\">]>",
                        "<!DOCTYPE Command [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                        "<!DOCTYPE Command SYSTEM \"http://127.0.0.1:1/sra.dtd\">",
                        "<!DOCTYPE Command [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>",
                        "<!DOCTYPE Command [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY x \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
                        "<!DOCTYPE Command>"};
                    int pick = random.nextInt(doctypes.length);
                    String withDoctype = text.replaceFirst("\\?>\\s*", "?>\n" + java.util.regex.Matcher.quoteReplacement(doctypes[pick]) + "\n");
                    if (random.nextBoolean()) {
                        withDoctype = withDoctype.replaceFirst("<Name>", "<Name>&x;");
                    }
                    name = "doctype " + pick;
                    return withDoctype.getBytes(StandardCharsets.UTF_8);
                }
                case 9: {
                    String[] refs = {"&x;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999999;", "&", "&amp", "<", "]]>",
                            "&#x1;", "&lt;&#65;"};
                    String ref = refs[random.nextInt(refs.length)];
                    int at = textPosition(text);
                    name = "insert '" + ref + "'";
                    return insert(in, at, ref.getBytes(StandardCharsets.UTF_8));
                }
                case 10: {
                    byte[] junk = new byte[random.nextInt(4) == 0 ? random.nextInt(100_000) : random.nextInt(512)];
                    random.nextBytes(junk);
                    name = "random " + junk.length + " bytes";
                    return junk;
                }
                case 11: {
                    String[] whole = {"", " ", "\n\n", "<", "<?xml version=\"1.0\"?>", "<Command/>",
                            "<Command xmlns=\"" + FuzzSeeds.NAMESPACE + "\"></Command>", "\uFEFF"};
                    int pick = random.nextInt(whole.length);
                    name = "whole document " + pick;
                    return whole[pick].getBytes(StandardCharsets.UTF_8);
                }
                case 12: {
                    String[] decls = {"<?xml version=\"2.0\"?>", "<?xml version=\"1.1\" encoding=\"UTF-8\"?>",
                            "<?xml version=\"1.0\" standalone=\"maybe\"?>", "  <?xml version=\"1.0\"?>",
                            "<?xml version=\"1.0\"?><?xml version=\"1.0\"?>", "<?xml-stylesheet href=\"http://127.0.0.1:1/x\"?>"};
                    int pick = random.nextInt(decls.length);
                    name = "declaration " + pick;
                    return text.replaceFirst("<\\?xml[^>]*\\?>", java.util.regex.Matcher.quoteReplacement(decls[pick]))
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 13: {
                    if (random.nextBoolean()) {
                        int depth = 100 + random.nextInt(50_000);
                        String element = random.nextBoolean() ? "Nest" : "ConsistencyGroups";
                        int at = textPosition(text);
                        name = "nest " + depth + " deep";
                        return insert(in, at, ("<" + element + ">").repeat(depth).concat("x")
                                .concat(("</" + element + ">").repeat(depth)).getBytes(StandardCharsets.UTF_8));
                    }
                    name = "duplicate attribute";
                    return text.replaceFirst(" (id|key)=\"", " $1=\"dup\" $1=\"").getBytes(StandardCharsets.UTF_8);
                }
                case 14: {
                    String[] elements = {"Name", "OutputFile", "Connections", "ArrayId", "Password"};
                    String element = elements[random.nextInt(elements.length)];
                    name = "undeclared prefix on " + element;
                    return text.replace("<" + element + ">", "<p:" + element + ">")
                            .replace("</" + element + ">", "</p:" + element + ">").getBytes(StandardCharsets.UTF_8);
                }
                default: {
                    String[] tails = {"<Command/>", "trailing text", "<!-- c -->", "<?pi x?>", "</Command>", "\u0000"};
                    int pick = random.nextInt(tails.length);
                    name = "after the root " + pick;
                    return (text + tails[pick]).getBytes(StandardCharsets.UTF_8);
                }
            }
        }

        /** A byte position just after the start tag of a random text-bearing element, else a random one. */
        private int textPosition(String text) {
            String[] tags = {"<Name>", "<ArrayId>", "<Address id=\"managementAddress\">", "<LogLevel>", "<Locale>",
                    "<Username>", "<Password>"};
            String tag = tags[random.nextInt(tags.length)];
            int at = text.indexOf(tag);
            if (at < 0) {
                return position();
            }
            return text.substring(0, at + tag.length()).getBytes(StandardCharsets.UTF_8).length;
        }

        private static byte[] insert(byte[] in, int at, byte[] what) {
            int pos = Math.min(Math.max(at, 0), in.length);
            byte[] out = new byte[in.length + what.length];
            System.arraycopy(in, 0, out, 0, pos);
            System.arraycopy(what, 0, out, pos, what.length);
            System.arraycopy(in, pos, out, pos + what.length, in.length - pos);
            return out;
        }
    }

    /**
     * Writes the mutated tree as XML text. Every element states its namespace when it differs from its
     * parent's (xmlns="" for none); characters are written as they are, so control characters and lone
     * surrogates stay in the document for the parser to refuse.
     */
    static final class Serializer {
        private Serializer() {
        }

        static String write(Document doc) {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            element(doc.getDocumentElement(), null, out);
            out.append('\n');
            return out.toString();
        }

        private static void element(Element e, String parentNs, StringBuilder out) {
            String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
            out.append('<').append(e.getLocalName());
            if (!ns.equals(parentNs)) {
                out.append(" xmlns=\"").append(escape(ns)).append('"');
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (a.getName().startsWith("xmlns")) {
                    continue;
                }
                out.append(' ').append(a.getLocalName() == null ? a.getName() : a.getLocalName()).append("=\"")
                        .append(escape(a.getValue())).append('"');
            }
            if (e.getFirstChild() == null) {
                out.append("/>");
                return;
            }
            out.append('>');
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                switch (c.getNodeType()) {
                    case Node.ELEMENT_NODE:
                        element((Element) c, ns, out);
                        break;
                    case Node.CDATA_SECTION_NODE:
                        out.append("<![CDATA[").append(c.getNodeValue()).append("]]>");
                        break;
                    case Node.COMMENT_NODE:
                        out.append("<!--").append(c.getNodeValue()).append("-->");
                        break;
                    case Node.TEXT_NODE:
                        out.append(escape(c.getNodeValue()));
                        break;
                    default:
                        break;
                }
            }
            out.append("</").append(e.getLocalName()).append('>');
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
