package dev.mcpoauth;

/**
 * The protocol error codes this server can answer with, each with its wire string and the HTTP
 * status it is sent with when it is not delivered through a redirect.
 *
 * <p>Sources: <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §4.1.2.1 and
 * §5.2</a>, <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>,
 * <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 §3.2.2</a>,
 * <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1">RFC 7009 §2.2.1</a> and
 * <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>.
 */
public enum OAuthErrorCode {
    /** A parameter is missing, repeated, malformed or not supported (RFC 6749). */
    INVALID_REQUEST("invalid_request", 400),
    /** Client authentication failed, or the client is unknown (RFC 6749 §5.2). */
    INVALID_CLIENT("invalid_client", 401),
    /** The code or refresh token is invalid, expired, revoked, reused or bound to another client (RFC 6749 §5.2). */
    INVALID_GRANT("invalid_grant", 400),
    /** The client may not use this grant or response type (RFC 6749). */
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    /** The grant type is not supported (RFC 6749 §5.2). */
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    /** The requested scope is invalid, unknown or wider than allowed (RFC 6749). */
    INVALID_SCOPE("invalid_scope", 400),
    /** The resource owner or the server denied the request (RFC 6749 §4.1.2.1). */
    ACCESS_DENIED("access_denied", 403),
    /** The response type is not supported (RFC 6749 §4.1.2.1). */
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    /** An unexpected condition; never carries details of it (RFC 6749 §4.1.2.1). */
    SERVER_ERROR("server_error", 500),
    /** The server cannot serve the request now, for example its store is down (RFC 6749 §4.1.2.1). */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),
    /** The bearer token is expired, revoked, malformed or not for this resource (RFC 6750 §3.1). */
    INVALID_TOKEN("invalid_token", 401),
    /** The bearer token lacks a scope the request needs (RFC 6750 §3.1). */
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    /** A redirect URI in a registration request is not acceptable (RFC 7591 §3.2.2). */
    INVALID_REDIRECT_URI("invalid_redirect_uri", 400),
    /** A field of a registration request is not acceptable (RFC 7591 §3.2.2). */
    INVALID_CLIENT_METADATA("invalid_client_metadata", 400),
    /** The token type hint names a type this server cannot revoke (RFC 7009 §2.2.1). */
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400),
    /** The {@code resource} parameter is not this server's protected resource (RFC 8707 §2). */
    INVALID_TARGET("invalid_target", 400),
    /** Too many attempts from this client, address or username; try again later. Not an RFC code. */
    TOO_MANY_REQUESTS("too_many_requests", 429);

    private final String wireValue;
    private final int httpStatus;

    OAuthErrorCode(String wireValue, int httpStatus) {
        this.wireValue = wireValue;
        this.httpStatus = httpStatus;
    }

    /** The code as it appears in the {@code error} field or parameter, e.g. {@code invalid_grant}. */
    public String wireValue() {
        return wireValue;
    }

    /** The HTTP status a JSON error response with this code is sent with. */
    public int httpStatus() {
        return httpStatus;
    }
}
