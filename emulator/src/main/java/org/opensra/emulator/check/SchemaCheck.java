package org.opensra.emulator.check;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Optional;

/**
 * The XML Schema check of every response. It uses {@code org.opensra.protocol.SraSchema.validateResponse(byte[])}
 * when the protocol module provides it; until then the check is reported as "not run", never as passed.
 */
public final class SchemaCheck {
    public static final String PENDING_KEY = "XML Schema (INV-3)";
    private final Method validate;

    private SchemaCheck(Method validate) {
        this.validate = validate;
    }

    public static SchemaCheck locate() {
        try {
            Class<?> c = Class.forName("org.opensra.protocol.SraSchema");
            return new SchemaCheck(c.getMethod("validateResponse", byte[].class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return new SchemaCheck(null);
        }
    }

    public boolean available() {
        return validate != null;
    }

    /** Empty when valid; the validator's message otherwise. Only call when {@link #available()}. */
    public Optional<String> validate(byte[] response) {
        try {
            Object r = validate.invoke(null, (Object) response);
            if (r instanceof Boolean b) {
                return b ? Optional.empty() : Optional.of("response does not match the SRA 2.0 XML Schema");
            }
            if (r instanceof Optional<?> o) {
                return o.map(String::valueOf);
            }
            if (r instanceof Collection<?> errors) {
                return errors.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(errors));
            }
            return Optional.empty();
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            return Optional.of(t.getMessage() == null ? t.toString() : t.getMessage());
        } catch (IllegalAccessException e) {
            return Optional.of("schema validator not accessible: " + e.getMessage());
        }
    }
}
