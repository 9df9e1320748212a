package org.opensra.adapter.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opensra.protocol.SraSchema;

/**
 * The verdict on one fuzz case (issue 18; TOL-2, TOL-3, INV-3, SEC-1): it ends in exit 0 with one complete,
 * schema-valid response in its OutputFile, or in a non-zero exit with exactly one {@code OpenSRA:} line on
 * stdout and no response file at all (no partial one); no stack trace on stdout or stderr and no exception
 * name in the response (an internal error); and the request's username and password appear in no output and no file of the case
 * folder, whenever the request still marks them as credentials.
 */
public final class FuzzCheck {
    private static final String RESPONSE_PREFIX = "response";
    private static final List<Charset> DECODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"),
            StandardCharsets.ISO_8859_1);

    private FuzzCheck() {
    }

    /** What is wrong with the outcome of {@code c}; empty when it is acceptable. */
    public static List<String> problems(RequestFuzzer.Case c, int exit, String stdout, String stderr, Path dir) {
        List<String> problems = new ArrayList<>();
        List<Path> responses = responseFiles(dir);
        List<String> lines = stdout.lines().collect(Collectors.toList());
        List<String> oneLiners = lines.stream().filter(l -> l.startsWith("OpenSRA:")).collect(Collectors.toList());
        if (exit == 0) {
            if (responses.size() != 1) {
                problems.add("exit 0 but " + responses.size() + " response files: " + responses);
            }
            for (Path r : responses) {
                byte[] xml = read(r);
                List<String> invalid = SraSchema.validateResponse(xml);
                if (!invalid.isEmpty()) {
                    problems.add("response " + r.getFileName() + " is not schema-valid: " + invalid);
                }
                String text = new String(xml, StandardCharsets.UTF_8);
                if (text.contains("Exception") || text.contains("\tat ")) {
                    problems.add("response names an exception (internal error?): " + clip(text));
                }
            }
            if (!oneLiners.isEmpty()) {
                problems.add("exit 0 with a failure line: " + oneLiners);
            }
        } else {
            if (!responses.isEmpty()) {
                problems.add("exit " + exit + " but response files exist: " + responses);
            }
            if (oneLiners.size() != 1) {
                problems.add("exit " + exit + " with " + oneLiners.size() + " 'OpenSRA:' lines (want exactly one)");
            }
        }
        for (String[] stream : new String[][] {{"stdout", stdout}, {"stderr", stderr}}) {
            if (isStackTrace(stream[1])) {
                problems.add(stream[0] + " shows a stack trace or exception: " + clip(excerpt(stream[1])));
            }
        }
        List<String> secrets = identifiableSecrets(c.request());
        if (!secrets.isEmpty()) {
            List<Path> files = allFiles(dir);
            List<String> contents = new ArrayList<>();
            for (Path f : files) {
                byte[] bytes = read(f);
                contents.add(new String(bytes, StandardCharsets.ISO_8859_1) + "\n" + new String(bytes, StandardCharsets.UTF_8));
            }
            for (String secret : secrets) {
                for (String form : forms(secret)) {
                    if (stdout.contains(form)) {
                        problems.add("SEC-1: credential on stdout");
                    }
                    if (stderr.contains(form)) {
                        problems.add("SEC-1: credential on stderr");
                    }
                    for (int i = 0; i < files.size(); i++) {
                        if (contents.get(i).contains(form)) {
                            problems.add("SEC-1: credential in " + dir.relativize(files.get(i)));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The credentials the request marks as such: a Username or Password start tag directly before every
     * one of their occurrences (a byte mutation may have broken the tag of one copy: that copy is plain text).
     */
    static List<String> identifiableSecrets(byte[] request) {
        List<String> found = new ArrayList<>();
        for (String secret : List.of(FuzzSeeds.USERNAME, FuzzSeeds.PASSWORD)) {
            Pattern marked = Pattern.compile("<(?:[\\w.-]+:)?(?:Username|Password)(?:\\s[^<>]*)?>[^<]*"
                    + Pattern.quote(secret));
            for (Charset cs : DECODINGS) {
                String text = new String(request, cs);
                int occurrences = count(Pattern.compile(Pattern.quote(secret)), text);
                if (occurrences > 0 && count(marked, text) == occurrences) {
                    found.add(secret);
                    break;
                }
            }
        }
        return found;
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        java.util.regex.Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The secret as text and as it shows when UTF-16 or UTF-32 bytes are read as single-byte text. */
    private static List<String> forms(String secret) {
        List<String> forms = new ArrayList<>(List.of(secret));
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            forms.add(new String(secret.getBytes(cs), StandardCharsets.ISO_8859_1).substring(1,
                    secret.length() * 2 - 1));
        }
        return forms;
    }

    /** Every file whose name starts with "response" below the case folder. */
    public static List<Path> responseFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        for (Path f : allFiles(dir)) {
            if (f.getFileName().toString().startsWith(RESPONSE_PREFIX)) {
                found.add(f);
            }
        }
        return found;
    }

    private static List<Path> allFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text of a Java stack trace or of a Throwable's toString(): a frame, a cause, or an exception class
     * followed by its message. A driver's diagnostic naming the exception it met is not one.
     */
    static boolean isStackTrace(String text) {
        return text.contains("\tat ") || text.contains("Caused by:") || text.contains("Exception:")
                || text.contains("Exception in thread") || text.contains("Error: ") && text.contains("java.lang.");
    }

    private static String excerpt(String text) {
        int at = Math.max(Math.max(text.indexOf("\tat "), text.indexOf("Exception:")), text.indexOf("Caused by:"));
        int from = Math.max(0, at - 300);
        return text.substring(from, Math.min(text.length(), at + 300));
    }

    static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
