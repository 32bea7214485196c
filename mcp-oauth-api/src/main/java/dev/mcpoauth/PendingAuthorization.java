package dev.mcpoauth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An authorization request that passed validation at {@code /authorize} and waits for the user to
 * log in.
 *
 * <p>It is keyed by the hash of a server-generated random id (the {@code state} of the login page),
 * never by the client's own {@code state}, which the client chooses and may repeat.
 *
 * @param idHash               the hash of the login page's request id, never blank
 * @param clientId             the client that asked
 * @param redirectUri          the redirect URI the code will be sent to (validated, exact)
 * @param redirectUriExplicit  whether the request named the redirect URI, in which case the token
 *                             request must name the same one (RFC 6749 §4.1.3)
 * @param clientState          the client's {@code state}, returned unchanged with the code
 * @param codeChallenge        the PKCE S256 challenge (RFC 7636)
 * @param scopes               the scopes that will be granted
 * @param resource             the canonical URI of the protected resource the tokens will be for (RFC 8707)
 * @param createdAt            when the request arrived
 * @param expiresAt            when the user's chance to log in ends
 */
public record PendingAuthorization(String idHash,
                                   String clientId,
                                   String redirectUri,
                                   boolean redirectUriExplicit,
                                   Optional<String> clientState,
                                   String codeChallenge,
                                   Set<String> scopes,
                                   String resource,
                                   Instant createdAt,
                                   Instant expiresAt) {

    /** Validates the invariants and copies the collections. */
    public PendingAuthorization {
        Values.requireNonBlank(idHash, "idHash");
        Values.requireNonBlank(clientId, "clientId");
        Values.requireNonBlank(redirectUri, "redirectUri");
        Objects.requireNonNull(clientState, "clientState");
        Values.requireNonBlank(codeChallenge, "codeChallenge");
        scopes = Values.orderedCopy(scopes);
        Values.requireNonBlank(resource, "resource");
        Values.requireOrdered(createdAt, expiresAt, "pending authorization");
    }

    /** Whether the request may no longer be completed at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
