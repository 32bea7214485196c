package dev.mcpoauth;

import java.util.Objects;

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

    /**
     * Creates the exception.
     *
     * @param reason  the kind of failure
     * @param message a message that is safe to show to the user
     */
    public LoginException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }
}
