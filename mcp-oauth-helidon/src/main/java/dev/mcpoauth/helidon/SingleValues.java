package dev.mcpoauth.helidon;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parameters as the web server parses them (every value of each name) into the single values
 * OAuth requires: a request parameter must not repeat (RFC 6749 §3.1). A transport's job, since it
 * is about how parameters arrive; the engine takes one value per name.
 */
final class SingleValues {

    private SingleValues() {
    }

    /**
     * The one value of each parameter; a parameter without a value is left out.
     *
     * @throws OAuthException {@code invalid_request} when a parameter has several values
     */
    static Map<String, String> of(Map<String, List<String>> params) {
        Map<String, String> single = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "the " + name + " parameter is repeated");
            }
            if (!values.isEmpty()) {
                single.put(name, values.getFirst());
            }
        });
        return single;
    }
}
