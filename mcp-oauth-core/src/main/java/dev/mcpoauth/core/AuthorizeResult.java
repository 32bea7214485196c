package dev.mcpoauth.core;

import java.net.URI;
import java.util.Objects;

/**
 * What {@link AuthorizationServer#authorize} decided about a valid-looking authorization request.
 *
 * <p>A request whose client or redirect URI cannot be trusted never produces a result: it throws
 * {@link dev.mcpoauth.OAuthException}, which the transport shows as a 400 HTML page and never turns
 * into a redirect (open-redirect defence, RFC 6749 §4.1.2.1).
 */
public sealed interface AuthorizeResult {

    /**
     * The request is valid and waits for the user to log in: the transport answers {@code 302} to
     * {@link #location()}.
     *
     * @param loginRequestId the server-generated id of the pending request, the {@code state} of the
     *                       login page; a secret that only the user's browser should hold
     * @param location       the login page with that id, e.g. {@code http://localhost:3000/oauth/login?state=...}
     */
    record LoginRequired(String loginRequestId, URI location) implements AuthorizeResult {

        /** Checks both values are present. */
        public LoginRequired {
            Objects.requireNonNull(loginRequestId, "loginRequestId");
            Objects.requireNonNull(location, "location");
        }

        /** Keeps the request id out of logs. */
        @Override
        public String toString() {
            return "LoginRequired[location=" + location.getScheme() + "://" + location.getRawAuthority()
                    + location.getRawPath() + "]";
        }
    }

    /**
     * The request is wrong in a way the client must learn of: the transport answers {@code 302} to
     * {@link #location()}, the client's redirect URI with {@code error}, {@code error_description},
     * {@code state} and {@code iss} (RFC 6749 §4.1.2.1, RFC 9207).
     *
     * @param location the client's redirect URI with the error parameters
     */
    record ErrorRedirect(URI location) implements AuthorizeResult {

        /** Checks the location is present. */
        public ErrorRedirect {
            Objects.requireNonNull(location, "location");
        }
    }
}
