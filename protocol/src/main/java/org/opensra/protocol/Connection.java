package org.opensra.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <Connection>} of an array command's request (CONN-2): named addresses, credentials and
 * named opaque values. {@link #toString()} never shows the credentials (SEC-1).
 *
 * @param id        the connection group id ({@code ""} when the request gave none)
 * @param addresses address id to value, in request order
 * @param username  the user name, if sent
 * @param password  the password, if sent
 * @param opaques   opaque parameter id to value, in request order
 */
public record Connection(String id, Map<String, String> addresses, Optional<String> username,
                         Optional<String> password, Map<String, String> opaques) {

    public Connection {
        Objects.requireNonNull(id, "id");
        addresses = Collections.unmodifiableMap(new LinkedHashMap<>(addresses));
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        opaques = Collections.unmodifiableMap(new LinkedHashMap<>(opaques));
    }

    public Optional<String> address(String addressId) {
        return Optional.ofNullable(addresses.get(addressId));
    }

    public Optional<String> opaque(String opaqueId) {
        return Optional.ofNullable(opaques.get(opaqueId));
    }

    @Override
    public String toString() {
        return "Connection[id=" + id + ", addresses=" + addresses
                + ", username=" + (username.isPresent() ? "********" : "none")
                + ", password=" + (password.isPresent() ? "********" : "none")
                + ", opaques=" + opaques + "]";
    }
}
