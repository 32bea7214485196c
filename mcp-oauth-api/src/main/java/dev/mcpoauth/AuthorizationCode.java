package dev.mcpoauth;

import java.time.Instant;
import java.util.Set;

/**
 * An issued authorization code, bound to everything the token request must match
 * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>).
 *
 * <p>The code itself is never held, only its hash. It is single use: see
 * {@link TokenStore#redeemAuthorizationCode(String, Instant)}.
 *
 * @param codeHash            the hash of the code
 * @param grantId             the id the grant created from this code will have, so that a replay
 *                            can revoke what the first redemption issued
 * @param clientId            the client the code was issued to
 * @param redirectUri         the redirect URI the code was sent to
 * @param redirectUriExplicit whether the token request must repeat {@code redirect_uri}
 * @param codeChallenge       the PKCE S256 challenge the verifier must match
 * @param scopes              the granted scopes
 * @param resource            the protected resource the tokens will be for
 * @param userId              the id {@link UserChecker} returned for the user who logged in
 * @param issuedAt            when the code was issued
 * @param expiresAt           when it stops being redeemable (at most 10 minutes after issue)
 */
public record AuthorizationCode(String codeHash,
                                String grantId,
                                String clientId,
                                String redirectUri,
                                boolean redirectUriExplicit,
                                String codeChallenge,
                                Set<String> scopes,
                                String resource,
                                String userId,
                                Instant issuedAt,
                                Instant expiresAt) {

    /** Validates the invariants and copies the collections. */
    public AuthorizationCode {
        Values.requireNonBlank(codeHash, "codeHash");
        Values.requireNonBlank(grantId, "grantId");
        Values.requireNonBlank(clientId, "clientId");
        Values.requireNonBlank(redirectUri, "redirectUri");
        Values.requireNonBlank(codeChallenge, "codeChallenge");
        scopes = Values.orderedCopy(scopes);
        Values.requireNonBlank(resource, "resource");
        Values.requireNonBlank(userId, "userId");
        Values.requireOrdered(issuedAt, expiresAt, "authorization code");
    }

    /** Whether the code may no longer be redeemed at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
