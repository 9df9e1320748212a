package org.opensra.emulator.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's own description of every SRA 2.0 response (resource {@code responses.grammar}, written from
 * the specification's tables): per command what {@code <Response>} holds, per element type its ordered
 * children with cardinalities and its attributes with their kinds.
 */
public final class ResponseGrammar {
    /** Content kinds that are not element types of the grammar. */
    static final Set<String> BUILT_IN = Set.of("text", "int", "dateTime", "empty", "any");

    /** One child position: element name, its type, minimum and maximum count (-1 = unbounded). */
    public record Particle(String element, String type, int min, int max) {
    }

    /** An attribute: name, kind (string, int, bool, dateTime or a|b|c), required or not. */
    public record Attr(String name, String kind, boolean required) {
    }

    /** Alternatives of particle sequences, or a built-in content kind, plus attributes. */
    public record Type(String name, List<List<Particle>> alternatives, String builtIn, Map<String, Attr> attrs) {
    }

    private final Map<String, Type> types;
    private final Map<String, Type> responses;

    private ResponseGrammar(Map<String, Type> types, Map<String, Type> responses) {
        this.types = types;
        this.responses = responses;
    }

    public static ResponseGrammar load() {
        try (InputStream in = ResponseGrammar.class.getResourceAsStream("/org/opensra/emulator/responses.grammar")) {
            if (in == null) {
                throw new IllegalStateException("responses.grammar missing from the emulator jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseGrammar parse(List<String> lines) {
        Map<String, Type> types = new LinkedHashMap<>();
        Map<String, Type> responses = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(" = ");
            int colon = line.indexOf(": ");
            if (eq > 0 && (colon < 0 || eq < colon)) {
                String name = line.substring(0, eq).strip();
                types.put(name, type(name, line.substring(eq + 3)));
            } else if (colon > 0) {
                String command = line.substring(0, colon).strip();
                responses.put(command, type("Response", line.substring(colon + 2)));
            } else {
                throw new IllegalArgumentException("responses.grammar: cannot read line: " + line);
            }
        }
        ResponseGrammar g = new ResponseGrammar(types, responses);
        g.verifyReferences();
        return g;
    }

    private static Type type(String name, String definition) {
        String content = definition;
        Map<String, Attr> attrs = new LinkedHashMap<>();
        int semi = definition.indexOf(';');
        if (semi >= 0) {
            content = definition.substring(0, semi);
            for (String a : definition.substring(semi + 1).strip().split("\\s+")) {
                if (a.isEmpty()) {
                    continue;
                }
                if (!a.startsWith("@") || a.indexOf(':') < 0) {
                    throw new IllegalArgumentException("responses.grammar: bad attribute " + a + " of " + name);
                }
                String n = a.substring(1, a.indexOf(':'));
                boolean optional = n.endsWith("?");
                n = optional ? n.substring(0, n.length() - 1) : n;
                attrs.put(n, new Attr(n, a.substring(a.indexOf(':') + 1), !optional));
            }
        }
        content = content.strip();
        if (BUILT_IN.contains(content)) {
            return new Type(name, List.of(), content, attrs);
        }
        List<List<Particle>> alternatives = new ArrayList<>();
        for (String alt : content.split("\\|")) {
            List<Particle> seq = new ArrayList<>();
            for (String p : alt.strip().split("\\s+")) {
                seq.add(particle(p));
            }
            alternatives.add(List.copyOf(seq));
        }
        return new Type(name, List.copyOf(alternatives), null, attrs);
    }

    private static Particle particle(String p) {
        int min = 1;
        int max = 1;
        char last = p.charAt(p.length() - 1);
        if (last == '?' || last == '*' || last == '+') {
            min = last == '+' ? 1 : 0;
            max = last == '?' ? 1 : -1;
            p = p.substring(0, p.length() - 1);
        }
        int c = p.indexOf(':');
        String element = c < 0 ? p : p.substring(0, c);
        String type = c < 0 ? p : p.substring(c + 1);
        return new Particle(element, type, min, max);
    }

    private void verifyReferences() {
        Map<String, Type> all = new HashMap<>(types);
        responses.forEach((k, v) -> all.put("response of " + k, v));
        for (Type t : all.values()) {
            for (List<Particle> seq : t.alternatives()) {
                for (Particle p : seq) {
                    if (!BUILT_IN.contains(p.type()) && !types.containsKey(p.type())) {
                        throw new IllegalArgumentException("responses.grammar: " + t.name() + " refers to undefined type "
                                + p.type());
                    }
                }
            }
        }
    }

    /** What {@code <Response>} holds for {@code command}; null for a command the grammar does not know. */
    public Type response(String command) {
        return responses.get(command);
    }

    public Type type(String name) {
        return types.get(name);
    }

    public Set<String> commands() {
        return responses.keySet();
    }
}
