package dev.mcpoauth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a login could not be completed. Its message is written for the person at the login page and
 * never says whether the username exists.
 */
public class LoginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure a login page may want to treat differently. */
    public enum Reason {
        /** The username and password pair was refused. The page shows the form again. */
        INVALID_CREDENTIALS,
        /** The authorization request is unknown, expired or already completed: start again from the client. */
        UNKNOWN_REQUEST,
        /** Too many failed attempts for this username or address; try later. */
        THROTTLED
    }

    private final Reason reason;
    /** Milliseconds to wait, or -1 for none; a primitive so that the exception stays serializable. */
    private final long retryAfterMillis;

    /**
     * Creates the exception.
     *
     * @param reason  the kind of failure
     * @param message a message that is safe to show to the user
     */
    public LoginException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfterMillis = -1;
    }

    /**
     * Creates the exception for an attempt the user may repeat after a while, typically
     * {@link Reason#THROTTLED}.
     *
     * @param reason     the kind of failure
     * @param message    a message that is safe to show to the user
     * @param retryAfter how long to wait before the next attempt can succeed; positive
     */
    public LoginException(Reason reason, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, but is " + retryAfter);
        }
        this.retryAfterMillis = retryAfter.toMillis();
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }

    /**
     * How long to wait before trying again, when the failure says so; a page sends it as
     * {@code Retry-After} (RFC 9110 §10.2.3).
     */
    public Optional<Duration> retryAfter() {
        return retryAfterMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(retryAfterMillis));
    }
}
