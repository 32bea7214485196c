package dev.mcpoauth;

import java.util.Optional;

/**
 * The one function a user of this library must write: checks a username and a password.
 *
 * <p>This is the original library's {@code check_user(username, password)}, which returned a user id
 * or {@code None}. The id becomes the {@code sub} of every token issued after this user logs in, so it
 * should be stable for the user (a database key, not the row number of a file that may be edited).
 *
 * <p>Implementations must be thread safe: logins are checked concurrently on virtual threads. They
 * should not log the password, and should take about the same time whether or not the username
 * exists (the engine adds no delay of its own to hide that).
 */
@FunctionalInterface
public interface UserChecker {

    /**
     * Checks one pair of credentials.
     *
     * @param username what the person typed as their username, never null, possibly empty
     * @param password what the person typed as their password, never null, possibly empty
     * @return the user's id when the pair is right, empty when it is wrong; never null
     */
    Optional<String> check(String username, String password);
}
