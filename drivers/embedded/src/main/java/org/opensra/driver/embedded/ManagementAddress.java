package org.opensra.driver.embedded;

import java.util.Locale;

/**
 * The array's management address as an administrator types it: {@code host:port} or
 * {@code https://host:port} (TLS), or {@code http://host:port} for an array run with {@code --insecure}
 * (plain text: only when written so; a TLS failure never falls back to it). A trailing slash or
 * {@code /api/v1} is tolerated.
 *
 * @param text the address as given (used in error placeholders)
 * @param host host name or IP (IPv6 in brackets)
 * @param port TCP port
 * @param tls whether the address is spoken to over TLS (all but an explicit {@code http://})
 */
public record ManagementAddress(String text, String host, int port, boolean tls) {

    /** Parses an address; {@link IllegalArgumentException} with a readable reason when malformed. */
    public static ManagementAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the management address is empty");
        }
        String rest = text.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        boolean tls = true;
        if (lower.startsWith("http://")) {
            rest = rest.substring("http://".length());
            tls = false;
        } else if (lower.startsWith("https://")) {
            rest = rest.substring("https://".length());
        } else if (lower.contains("://")) {
            throw new IllegalArgumentException("only https:// (or http:// for an array run with --insecure) addresses are"
                    + " supported: " + text.strip());
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String path = rest.substring(slash);
            if (!path.equals("/") && !path.equals("/api/v1") && !path.equals("/api/v1/")) {
                throw new IllegalArgumentException("unexpected path in the management address: " + text.strip());
            }
            rest = rest.substring(0, slash);
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || (rest.startsWith("[") && colon < rest.indexOf(']'))) {
            throw new IllegalArgumentException("the management address needs host:port, got " + text.strip());
        }
        String host = rest.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of the management address is not a number: " + text.strip());
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port of the management address is out of range: " + text.strip());
        }
        return new ManagementAddress(text.strip(), host, port, tls);
    }

    /** {@code https://host:port/api/v1} ({@code http://} for a plain address) */
    public String baseUrl() {
        return (tls ? "https://" : "http://") + host + ":" + port + "/api/v1";
    }
}
