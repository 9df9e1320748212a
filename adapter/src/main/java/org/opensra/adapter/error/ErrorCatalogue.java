package org.opensra.adapter.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.ErrorCodes;
import org.opensra.protocol.Message;

/**
 * Every error and warning code OpenSRA reports, with its placeholders and English texts (ERR-1..ERR-6),
 * and the builder of the protocol {@link Message}s for them: a command never reports a code or a
 * placeholder that is not defined here (ERR-5). The table is built on first use: queryInfo never
 * needs it.
 */
public final class ErrorCatalogue {
    private final Map<Integer, ErrorDefinition> definitions;

    private ErrorCatalogue(List<ErrorDefinition> all) {
        Map<Integer, ErrorDefinition> byCode = new LinkedHashMap<>();
        for (ErrorDefinition d : all) {
            if (byCode.put(d.code(), d) != null) {
                throw new IllegalStateException("duplicate code " + d.code());
            }
        }
        this.definitions = Collections.unmodifiableMap(byCode);
    }

    private static final class Holder {
        static final ErrorCatalogue INSTANCE = new ErrorCatalogue(ErrorTable.all());
    }

    /** The catalogue of docs/ARCHITECTURE.md. */
    public static ErrorCatalogue standard() {
        return Holder.INSTANCE;
    }

    public Optional<ErrorDefinition> definition(int code) {
        return Optional.ofNullable(definitions.get(code));
    }

    /** All definitions, SRM's (100, 101, 500) included, in code order. */
    public List<ErrorDefinition> all() {
        return List.copyOf(definitions.values());
    }

    /**
     * The definitions queryErrorDefinitions publishes: OpenSRA's own codes only (>= 1000). SRM defines
     * 100, 101 and 500 itself and translates them with its own texts (the spec's "predefined
     * array-independent errors"); codes below 1000 are reserved for SRM (ERR-1), so an SRA that
     * redefined them could only contradict SRM's texts.
     */
    public List<ErrorDefinition> published(ErrorKind kind) {
        List<ErrorDefinition> list = new ArrayList<>();
        for (ErrorDefinition d : definitions.values()) {
            if (d.kind() == kind && !d.srmDefined()) {
                list.add(d);
            }
        }
        return list;
    }

    /** An Error with placeholder values given in the definition's order (ERR-2). */
    public Message.Predefined error(int code, String... values) {
        return build(code, ErrorKind.ERROR, values);
    }

    /** An Error with placeholder values by name (ERR-2); every placeholder of the definition is required. */
    public Message.Predefined error(int code, Map<String, String> placeholders) {
        return build(code, ErrorKind.ERROR, placeholders);
    }

    /** A Warning with placeholder values given in the definition's order (ERR-4). */
    public Message.Predefined warning(int code, String... values) {
        return build(code, ErrorKind.WARNING, values);
    }

    public Message.Predefined warning(int code, Map<String, String> placeholders) {
        return build(code, ErrorKind.WARNING, placeholders);
    }

    /** The internal error 1000, for failures no other code describes. */
    public Message.Predefined internal(String reason) {
        return error(ErrorCodes.INTERNAL_ERROR, reason);
    }

    /** The English description of a message with its placeholders filled in, for the log. */
    public String describe(Message message) {
        if (message instanceof Message.Undefined) {
            return ((Message.Undefined) message).description();
        }
        Message.Predefined predefined = (Message.Predefined) message;
        ErrorDefinition d = definitions.get(predefined.code());
        if (d == null) {
            return "code " + predefined.code();
        }
        String text = d.description().english();
        for (Message.Placeholder p : predefined.placeholders()) {
            text = text.replace("{" + p.name() + "}", p.value());
        }
        return predefined.code() + ": " + text;
    }

    private Message.Predefined build(int code, ErrorKind kind, String... values) {
        ErrorDefinition d = require(code, kind);
        if (values.length != d.placeholders().size()) {
            throw new IllegalArgumentException("code " + code + " takes " + d.placeholders() + ", got "
                    + values.length + " value(s)");
        }
        List<Message.Placeholder> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            list.add(new Message.Placeholder(d.placeholders().get(i), values[i] == null ? "" : values[i]));
        }
        return new Message.Predefined(code, list);
    }

    private Message.Predefined build(int code, ErrorKind kind, Map<String, String> placeholders) {
        ErrorDefinition d = require(code, kind);
        if (!d.placeholders().containsAll(placeholders.keySet()) || placeholders.size() != d.placeholders().size()) {
            throw new IllegalArgumentException("code " + code + " takes " + d.placeholders() + ", got "
                    + placeholders.keySet());
        }
        List<Message.Placeholder> list = new ArrayList<>(placeholders.size());
        for (String name : d.placeholders()) {
            String value = placeholders.get(name);
            list.add(new Message.Placeholder(name, value == null ? "" : value));
        }
        return new Message.Predefined(code, list);
    }

    private ErrorDefinition require(int code, ErrorKind kind) {
        ErrorDefinition d = definitions.get(code);
        if (d == null) {
            throw new IllegalArgumentException("undefined code " + code + " (ERR-5)");
        }
        if (d.kind() != kind) {
            throw new IllegalArgumentException("code " + code + " is a " + d.kind() + ", not a " + kind);
        }
        return d;
    }
}
