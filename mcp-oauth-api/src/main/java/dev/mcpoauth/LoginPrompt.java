package dev.mcpoauth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the login page shows about the authorization request it is completing.
 *
 * @param appName          the server's name, as given to the builder (the original's {@code {app_name}})
 * @param clientId         the requesting client's id
 * @param clientName       the client's self-declared name, if any; never trusted for anything but display
 * @param redirectHost     the host the code will be sent to, e.g. {@code claude.ai} or {@code localhost}
 * @param localRedirect    whether that host is a loopback address, so the code stays on the user's machine
 * @param scopes           the scopes being requested
 */
public record LoginPrompt(String appName,
                          String clientId,
                          Optional<String> clientName,
                          String redirectHost,
                          boolean localRedirect,
                          Set<String> scopes) {

    /** Validates and copies. */
    public LoginPrompt {
        Objects.requireNonNull(appName, "appName");
        Values.requireNonBlank(clientId, "clientId");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(redirectHost, "redirectHost");
        scopes = Values.orderedCopy(scopes);
    }
}
