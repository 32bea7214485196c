package dev.mcpoauth;

import java.time.Instant;
import java.util.Set;

/**
 * What a user granted a client: created when a code is redeemed, it owns a family of refresh tokens
 * (one current, the rest rotated away) and every access token minted from them.
 *
 * <p>Revoking a grant revokes the whole family and its access tokens at once.
 *
 * @param grantId   a server-generated random id, carried in access tokens so that revocation reaches them
 * @param clientId  the client the grant belongs to
 * @param userId    the user who granted it
 * @param scopes    the scopes granted; a refresh may only narrow them
 * @param resource  the protected resource (audience) of every token in the family
 * @param createdAt when the code was redeemed
 * @param expiresAt the absolute end of the family: no refresh token of it works after this
 * @param revoked   whether the grant has been revoked (by the client, or by replay detection)
 */
public record Grant(String grantId,
                   String clientId,
                   String userId,
                   Set<String> scopes,
                   String resource,
                   Instant createdAt,
                   Instant expiresAt,
                   boolean revoked) {

    /** Validates the invariants and copies the collections. */
    public Grant {
        Values.requireNonBlank(grantId, "grantId");
        Values.requireNonBlank(clientId, "clientId");
        Values.requireNonBlank(userId, "userId");
        scopes = Values.orderedCopy(scopes);
        Values.requireNonBlank(resource, "resource");
        Values.requireOrdered(createdAt, expiresAt, "grant");
    }

    /** Whether tokens of this grant may be used at {@code now}: not revoked and not past its end. */
    public boolean isActive(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    /** This grant, marked revoked. */
    public Grant asRevoked() {
        return new Grant(grantId, clientId, userId, scopes, resource, createdAt, expiresAt, true);
    }
}
