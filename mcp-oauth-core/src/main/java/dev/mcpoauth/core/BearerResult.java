package dev.mcpoauth.core;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.OAuthErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking the {@code Authorization} header of a request to the MCP endpoint
 * ({@link AuthorizationServer#authenticate}).
 */
public sealed interface BearerResult {

    /**
     * The token is valid, for this resource, and carries every required scope.
     *
     * @param principal who is calling
     */
    record Authenticated(AuthenticatedPrincipal principal) implements BearerResult {

        /** Checks the principal is present. */
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The request must be refused: the transport answers {@link #status()} with the header
     * {@code WWW-Authenticate: }{@link #wwwAuthenticate()} (RFC 6750 §3, RFC 9728 §5.1) and, when
     * there is an error, the JSON body {@link #toJson()}.
     *
     * @param status          401 (no, or an invalid, token) or 403 (insufficient scope)
     * @param wwwAuthenticate the complete header value, starting with {@code Bearer }
     * @param error           the error; empty when the request carried no token at all
     * @param description     a short explanation for the client developer; empty with no error
     */
    record Challenge(int status, String wwwAuthenticate, Optional<OAuthErrorCode> error,
                     Optional<String> description) implements BearerResult {

        /** Checks the values are present. */
        public Challenge {
            Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(description, "description");
        }

        /** The JSON error body: {@code error} and {@code error_description} when there is an error, else empty. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            error.ifPresent(e -> json.put("error", e.wireValue()));
            description.ifPresent(d -> json.put("error_description", d));
            return json;
        }
    }
}
