package dev.mcpoauth.helidon;

import dev.mcpoauth.OAuthErrorCode;

/**
 * A request the transport refuses before the engine sees it: a body too large, a wrong content type,
 * malformed parameters, or an engine that is not ready yet. Rendered like an
 * {@link dev.mcpoauth.OAuthException} (JSON, or an HTML page at the browser endpoints). Carries no
 * stack trace: it is control flow for bad input.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String description;
    private final long retryAfterSeconds;

    HttpProblem(int status, String error, String description) {
        this(status, error, description, status == 503 ? 1 : 0);
    }

    private HttpProblem(int status, String error, String description, long retryAfterSeconds) {
        super(error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 {@code too_many_requests}: the client's address spent its rate limit; {@code Retry-After} says when to come back. */
    static HttpProblem tooManyRequests(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new HttpProblem(429, OAuthErrorCode.TOO_MANY_REQUESTS.wireValue(),
                "too many requests from your address; try again in " + seconds + (seconds == 1 ? " second" : " seconds"),
                seconds);
    }

    /** 413: the body is larger than the endpoint accepts. */
    static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, OAuthErrorCode.INVALID_REQUEST.wireValue(),
                "the request body is larger than " + limit + " bytes");
    }

    /** 400 {@code invalid_request}. */
    static HttpProblem badRequest(String description) {
        return new HttpProblem(400, OAuthErrorCode.INVALID_REQUEST.wireValue(), description);
    }

    /** 503: the authorization server is not created yet (the transport is still binding its port). */
    static HttpProblem notReady() {
        return new HttpProblem(503, OAuthErrorCode.TEMPORARILY_UNAVAILABLE.wireValue(),
                "the server is starting; try again in a moment");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String description() {
        return description;
    }

    /** The {@code Retry-After} in seconds, 0 for none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
