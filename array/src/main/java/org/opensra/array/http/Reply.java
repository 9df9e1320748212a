package org.opensra.array.http;

/** A JSON reply with a status other than 200, or NONE when the handler wrote the response itself. */
public record Reply(int status, Object body) {
    public static final Reply NONE = new Reply(-1, null);

    public static Reply created(Object body) {
        return new Reply(201, body);
    }
}
