package org.opensra.emulator.check;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.descendants;
import static org.opensra.emulator.xml.Xml.local;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opensra.emulator.site.ConnectionValues;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.xml.Xml;
import org.w3c.dom.Element;

/**
 * Checks run on every response and log: envelope (INV-3), XML Schema, progress (INV-4), time limit
 * (TOL-1b), error codes (ERR-1, ERR-4, ERR-5), signature and step pairs (LOG-1, LOG-2), credentials (SEC-1).
 */
public final class CommonChecks {
    /** Commands that change array state and must log Commence/Complete step pairs (Appendix A). */
    private static final Set<String> STEP_COMMANDS = Set.of("testFailoverStart", "testFailoverStop", "prepareFailover",
            "failover", "prepareReverseReplication", "reverseReplication", "prepareRestoreReplication",
            "restoreReplication", "syncOnce");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\d{1,2}:\\d{2}:\\d{2}");

    private final Verdicts verdicts;
    private final SchemaCheck schema;
    private String adapterName;
    private String adapterVersion;
    private Set<Integer> errorCodes;
    private Set<Integer> warningCodes;
    private java.util.Map<Integer, Set<String>> placeholders = java.util.Map.of();

    public CommonChecks(Verdicts verdicts, SchemaCheck schema) {
        this.verdicts = verdicts;
        this.schema = schema;
    }

    /** From queryInfo: the signature every log must carry (LOG-1). */
    public void adapterSignature(String name, String version) {
        this.adapterName = name;
        this.adapterVersion = version;
    }

    /** From queryErrorDefinitions (ERR-5). */
    public void definedCodes(Set<Integer> errors, Set<Integer> warnings) {
        this.errorCodes = Set.copyOf(errors);
        this.warningCodes = Set.copyOf(warnings);
    }

    /** Placeholder names ({Name}) of each defined code's Description and FixHint (ERR-2). */
    public void placeholders(java.util.Map<Integer, Set<String>> byCode) {
        this.placeholders = java.util.Map.copyOf(byCode);
    }

    public void apply(Invocation inv, ConnectionValues connection) {
        envelope(inv);
        progress(inv);
        codes(inv);
        logs(inv);
        credentials(inv, connection);
    }

    private void envelope(Invocation inv) {
        if (!verdicts.check("TOL-1b", !inv.timedOut(), "command exceeded the time limit and was killed", inv)) {
            return;
        }
        if (!verdicts.check("INV-3", inv.hasResponse(), "no response written to OutputFile", inv)) {
            return;
        }
        if (!verdicts.check("INV-3", inv.document().isPresent(), "response is not well-formed XML: " + inv.parseError(),
                inv)) {
            return;
        }
        Element root = inv.root().orElseThrow();
        if (!verdicts.check("INV-3", "Response".equals(local(root)) && Xml.NS.equals(root.getNamespaceURI()),
                "root element must be <Response xmlns=\"" + Xml.NS + "\">, got <" + root.getTagName() + "> in "
                        + root.getNamespaceURI(), inv)) {
            return;
        }
        List<Element> kids = children(root);
        List<Element> errors = children(root, "Error");
        if (!errors.isEmpty() && !verdicts.check("ERR-4", errors.size() == 1 && kids.size() == 1,
                "a response carries either one Error or the result, found " + kids.size() + " elements", inv)) {
            return;
        }
        String expected = ResultNames.of(inv.command());
        if (errors.isEmpty() && expected != null) {
            boolean first = !kids.isEmpty() && expected.equals(local(kids.get(0)));
            if (!verdicts.check("INV-3", first, "expected <" + expected + "> as the result element, found "
                    + (kids.isEmpty() ? "nothing" : "<" + local(kids.get(0)) + ">"), inv)) {
                return;
            }
        }
        Optional<String> err = schema.validate(inv.command(), root);
        verdicts.check("INV-3", err.isEmpty(), "structure (spec tables): " + err.orElse(""), inv);
    }

    private void progress(Invocation inv) {
        for (int p : inv.progress()) {
            if (!verdicts.check("INV-4", p >= 0 && p <= 100, "ProgressUpdate out of 0..100: " + p, inv)) {
                return;
            }
        }
        java.nio.file.Path status = inv.folder().resolve("status.xml");
        if (java.nio.file.Files.isRegularFile(status)) {
            try {
                List<String> problems = ProgressDocuments.problems(java.nio.file.Files.readString(status));
                verdicts.check("INV-4", problems.isEmpty(), "StatusFile: " + String.join("; ", problems), inv);
            } catch (java.io.IOException e) {
                verdicts.fail("INV-4", "cannot read the StatusFile copy: " + e.getMessage(), inv);
            }
        }
        verdicts.pass("INV-4");
    }

    private void codes(Invocation inv) {
        if (inv.root().isEmpty()) {
            return;
        }
        Element root = inv.root().get();
        for (Element e : descendants(root, "Error")) {
            checkCode(inv, e, true);
        }
        for (Element w : descendants(root, "Warning")) {
            checkCode(inv, w, false);
        }
        // ERR-4: at most one Error per item
        for (Element e : descendants(root, "Error")) {
            Element parent = (Element) e.getParentNode();
            if (children(parent, "Error").size() > 1) {
                verdicts.fail("ERR-4", "<" + local(parent) + "> carries " + children(parent, "Error").size()
                        + " Error elements; at most one error per operation", inv);
                return;
            }
        }
    }

    private void checkCode(Invocation inv, Element e, boolean error) {
        String kind = error ? "Error" : "Warning";
        String raw = attr(e, "code");
        if (raw == null) {
            verdicts.check("ERR-3", !Xml.text(e, "Description").isEmpty() && Xml.child(e, "FixHint").isPresent(),
                    kind + " without code needs a Description and a FixHint", inv);
            if (errorCodes != null && (error ? !errorCodes.isEmpty() : !warningCodes.isEmpty())) {
                verdicts.fail("ERR-5", kind + " without a code although the SRA defines " + kind.toLowerCase()
                        + " codes", inv);
            }
            return;
        }
        int code;
        try {
            code = Integer.parseInt(raw.trim());
        } catch (NumberFormatException ex) {
            verdicts.fail("ERR-2", kind + " code is not a number: " + raw, inv);
            return;
        }
        if (code < 1000) {
            Set<Integer> srm = error ? Set.of(100, 101) : Set.of(500);
            verdicts.check("ERR-1", srm.contains(code), kind + " code " + code
                    + " is below 1000 but is not one of SRM's " + srm, inv);
            return;
        }
        verdicts.pass("ERR-1");
        if (errorCodes != null) {
            Set<Integer> defined = error ? errorCodes : warningCodes;
            verdicts.check("ERR-5", defined.contains(code), kind + " code " + code
                    + " is not defined by queryErrorDefinitions", inv);
        }
        Set<String> names = placeholders.get(code);
        if (names != null) {
            Set<String> given = new HashSet<>();
            children(e).forEach(c -> given.add(local(c)));
            List<String> missing = names.stream().filter(n -> !given.contains(n)).sorted().toList();
            verdicts.check("ERR-2", missing.isEmpty(), kind + " " + code + " lacks the placeholder element(s) "
                    + missing + " its definition uses", inv);
        }
    }

    private void logs(Invocation inv) {
        String log = inv.stdout();
        if (adapterName != null && !adapterName.isEmpty()) {
            verdicts.check("LOG-1", log.contains(adapterName) && log.contains(adapterVersion),
                    "log lacks the SRA release signature (\"" + adapterName + "\" " + adapterVersion + ")", inv);
        }
        // INV-5: the log on stdout is UTF-8 (undecodable bytes were read as U+FFFD)
        verdicts.check("INV-5", log.indexOf('\uFFFD') < 0, "the log on stdout is not valid UTF-8", inv);
        String[] lines = log.split("\\R");
        for (String line : lines) {
            if (!line.isBlank() && !TIMESTAMP.matcher(line).find()) {
                verdicts.fail("LOG-2", "log line without date and time: " + abbreviate(line), inv);
                break;
            }
        }
        int commence = count(log, "Commence:");
        int complete = count(log, "Complete:");
        verdicts.check("LOG-2", commence == complete, "unpaired step messages: " + commence + " Commence: vs "
                + complete + " Complete:", inv);
        // a clean run (no Error, no Warning anywhere) of an array-changing command did real steps
        boolean clean = inv.root().map(r -> descendants(r, "Error").isEmpty() && descendants(r, "Warning").isEmpty())
                .orElse(false);
        if (STEP_COMMANDS.contains(inv.command()) && clean) {
            verdicts.check("LOG-2", commence > 0, "no Commence:/Complete: step messages for " + inv.command(), inv);
        }
    }

    private void credentials(Invocation inv, ConnectionValues c) {
        if (c == null) {
            return;
        }
        Set<String> where = new HashSet<>();
        String pw = c.password().value();
        if (pw != null && pw.length() >= 3) {
            if (inv.stdout().contains(pw)) {
                where.add("log (stdout)");
            }
            if (inv.logDirectoryText().contains(pw)) {
                where.add("LogDirectory files");
            }
            if (inv.hasResponse() && new String(inv.response(), java.nio.charset.StandardCharsets.UTF_8).contains(pw)) {
                where.add("response");
            }
        }
        verdicts.check("SEC-1", where.isEmpty(), "password appears in " + String.join(", ", where), inv);
        String user = c.username();
        if (user != null && user.length() >= 3) {
            Pattern word = Pattern.compile("(?<![\\w.-])" + Pattern.quote(user) + "(?![\\w.-])");
            verdicts.check("SEC-1", !word.matcher(inv.stdout()).find(), "username appears in the log", inv);
        }
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            n++;
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
