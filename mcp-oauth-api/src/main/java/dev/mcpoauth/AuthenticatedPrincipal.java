package dev.mcpoauth;

import java.time.Instant;
import java.util.Set;

/**
 * Who is calling the MCP endpoint: the result of validating a bearer access token. The transport
 * puts it in the MCP transport context, where tool handlers read it.
 *
 * @param userId    the id {@link UserChecker} returned when the user logged in (the token's {@code sub})
 * @param clientId  the client the token was issued to
 * @param scopes    the scopes the token carries
 * @param tokenId   the token's {@code jti}
 * @param expiresAt when the token expires
 */
public record AuthenticatedPrincipal(String userId,
                                     String clientId,
                                     Set<String> scopes,
                                     String tokenId,
                                     Instant expiresAt) {

    /** The key under which transports store the principal in request and MCP transport contexts. */
    public static final String CONTEXT_KEY = "dev.mcpoauth.principal";

    /** Validates the invariants and copies the collections. */
    public AuthenticatedPrincipal {
        Values.requireNonBlank(userId, "userId");
        Values.requireNonBlank(clientId, "clientId");
        scopes = Values.orderedCopy(scopes);
        Values.requireNonBlank(tokenId, "tokenId");
        java.util.Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token carries {@code scope}. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
