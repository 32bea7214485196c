package dev.mcpoauth;

import java.util.Objects;

/**
 * A protocol error: an {@link OAuthErrorCode} and a description meant for the developer of the
 * client. The transport turns it into the standard JSON error, a redirect with {@code error}
 * parameters, or an HTML page, depending on the endpoint.
 *
 * <p>The description is sent to the client, so it never contains a secret, a token, a stack trace
 * or the reason a credential was refused; those go to the log at DEBUG.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OAuthErrorCode code;
    private final String description;

    /**
     * Creates the error.
     *
     * @param code        the protocol error code, never null
     * @param description a short, human-readable explanation for the client developer, never null
     */
    public OAuthException(OAuthErrorCode code, String description) {
        super(code.wireValue() + ": " + description, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The protocol error code. */
    public OAuthErrorCode code() {
        return code;
    }

    /** The description sent to the client as {@code error_description}. */
    public String description() {
        return description;
    }
}
