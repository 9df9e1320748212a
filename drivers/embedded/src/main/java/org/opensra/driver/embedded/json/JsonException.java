package org.opensra.driver.embedded.json;

/** Malformed JSON, or a JSON value that is not of the expected shape. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
