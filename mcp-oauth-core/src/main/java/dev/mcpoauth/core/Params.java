package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import java.util.Map;
import java.util.Optional;

/** Reads request parameters; an empty value counts as absent (RFC 6749 §3.1). */
final class Params {

    private Params() {
    }

    /** The value of a parameter, empty when absent or empty. */
    public static Optional<String> optional(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The value of a required parameter.
     *
     * @throws OAuthException {@code invalid_request} when it is absent
     */
    public static String required(Map<String, String> params, String name) {
        return optional(params, name).orElseThrow(() -> new OAuthException(OAuthErrorCode.INVALID_REQUEST,
                "the " + name + " parameter is required"));
    }

    /**
     * Checks the {@code resource} parameter (RFC 8707 §2), if sent, names exactly this server's
     * protected resource, and returns that resource.
     *
     * @throws OAuthException {@code invalid_target} when it names another
     */
    public static String ownResource(Map<String, String> params, String resource) {
        if (optional(params, "resource").filter(r -> !r.equals(resource)).isPresent()) {
            throw new OAuthException(OAuthErrorCode.INVALID_TARGET, "resource must be " + resource);
        }
        return resource;
    }
}
