package org.opensra.driver.embedded;

import java.util.Optional;
import org.opensra.driver.embedded.json.JsonObject;

/**
 * An error the array's API reported (API.md, "Errors"): a stable code, a message (never holding a
 * credential) and the object it concerns.
 */
public record ApiError(String code, String message, Optional<String> object) {

    public static ApiError from(JsonObject error) {
        return new ApiError(error.optString("code").orElse("INTERNAL"),
                error.optString("message").orElse("(no message)"), error.optString("object"));
    }

    public boolean is(String expected) {
        return code.equals(expected);
    }
}
