package dev.mcpoauth;

import java.net.URI;
import java.util.Optional;

/**
 * What the engine offers a {@link LoginHandler}: the details of a pending authorization request, and
 * the step that completes it. The second method is the original library's
 * {@code complete_user_checker(state, username, password)}.
 *
 * <p>{@code state} is the login page's request id, the {@code state} query parameter of
 * {@code /oauth/login?state=...}; it is chosen by the server, not by the OAuth client.
 *
 * <p>Thread safe.
 */
public interface LoginFlow {

    /**
     * Describes a pending request for the page to show.
     *
     * @param state the login page's request id
     * @return the prompt, or empty when the request is unknown or has expired
     */
    Optional<LoginPrompt> prompt(String state);

    /**
     * Checks the credentials with the {@link UserChecker} and, when they are right, issues the
     * authorization code and consumes the pending request.
     *
     * @param state    the login page's request id
     * @param username the submitted username
     * @param password the submitted password
     * @return where to redirect the browser: the client's redirect URI with {@code code},
     *         {@code state} and {@code iss}
     * @throws LoginException when the credentials are wrong, the request is unknown or expired, or
     *                        the attempt is throttled; its message is safe to show to the user
     */
    URI complete(String state, String username, String password);

    /**
     * As {@link #complete(String, String, String)}, for a browser at a known address: the engine then
     * throttles failed attempts per address as well as per username. Login pages should call this
     * one with {@link LoginRequest#remoteAddress()}.
     *
     * <p>The default ignores the address, so that flows written before it existed keep working.
     *
     * @param state         the login page's request id
     * @param username      the submitted username
     * @param password      the submitted password
     * @param clientAddress the browser's address as the transport determined it, e.g. {@code 203.0.113.7}
     * @return where to redirect the browser
     * @throws LoginException as {@link #complete(String, String, String)}; a throttled attempt's
     *                        exception says how long to wait in {@link LoginException#retryAfter()}
     */
    default URI complete(String state, String username, String password, String clientAddress) {
        return complete(state, username, password);
    }
}
