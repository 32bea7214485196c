package dev.mcpoauth.core.internal;

import dev.mcpoauth.Grant;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RegisteredClient;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code refresh_token} grant (RFC 6749 §6, OAuth 2.1 §4.3) with rotation: every use replaces
 * the refresh token, and presenting a rotated-away one revokes the whole grant, since it means the
 * token was copied (RFC 9700 §4.14.2). A requested scope may only narrow the grant's, and narrows
 * only the new access token; the grant keeps its scopes (RFC 6749 §6).
 *
 * <p>There is deliberately no grace period in which a client retrying the same refresh (say, after
 * a lost response) gets a second answer: the retry is treated as reuse and revokes the family, and
 * the client signs in again. A grace period would need the first answer stored, secrets included,
 * and would give a thief racing the real client the same window; MCP clients refresh rarely and
 * recover from {@code invalid_grant} by re-authorizing.
 */
public final class RefreshGrant {

    private static final System.Logger LOG = System.getLogger(RefreshGrant.class.getName());

    private final Engine engine;
    private final TokenIssuer issuer;

    /** Creates the handler. */
    public RefreshGrant(Engine engine, TokenIssuer issuer) {
        this.engine = engine;
        this.issuer = issuer;
    }

    /** When a refresh token issued now expires: after its lifetime, and never after its grant. */
    static Instant expiry(Engine engine, Grant grant, Instant now) {
        Instant lifetimeEnd = now.plus(engine.config().refreshTokenLifetime());
        return lifetimeEnd.isBefore(grant.expiresAt()) ? lifetimeEnd : grant.expiresAt();
    }

    /**
     * Refreshes.
     *
     * @param client the authenticated client
     * @param form   the token request
     * @return the token response, with the new refresh token
     * @throws OAuthException {@code invalid_grant}, {@code invalid_scope}, {@code invalid_request} or
     *                        {@code unauthorized_client}
     */
    public Map<String, Object> refresh(RegisteredClient client, Map<String, String> form) {
        if (!client.grantTypes().contains(ClientRegistration.REFRESH_TOKEN)) {
            throw new OAuthException(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    "the client did not register the refresh_token grant");
        }
        String presented = Secrets.hash(Params.required(form, "refresh_token"));
        Optional<Set<String>> requested = Params.optional(form, "scope").map(RefreshGrant::parseScope);
        Instant now = engine.now();
        // Check binding and scope before rotating, so that a refused request does not spend the token.
        Optional<Grant> current = engine.store().findGrantByRefreshToken(presented, now);
        if (current.isPresent()) {
            checkClient(current.get(), client);
            checkScope(current.get(), requested);
        }
        String next = Secrets.newSecret();
        Instant nextExpiry = current.map(g -> expiry(engine, g, now))
                .orElse(now.plus(engine.config().refreshTokenLifetime()));
        return switch (engine.store().rotateRefreshToken(presented, Secrets.hash(next), nextExpiry, now)) {
            case RefreshRotation.Rotated r -> {
                if (!r.grant().clientId().equals(client.clientId())) {
                    engine.revokeGrant(r.grant().grantId());
                    throw invalidGrant("the refresh token was issued to another client");
                }
                checkScope(r.grant(), requested);
                yield issuer.respond(r.grant(), requested.orElse(r.grant().scopes()), Optional.of(next), now);
            }
            case RefreshRotation.Reused r -> {
                boolean revoked = engine.revokeGrant(r.grant().grantId());
                LOG.log(System.Logger.Level.WARNING, "rotated-away refresh token of client {0} reused; grant {1} {2}",
                        r.grant().clientId(), r.grant().grantId(), revoked ? "revoked" : "was not active");
                throw invalidGrant("the refresh token was already used; sign in again");
            }
            case RefreshRotation.Invalid i -> throw invalidGrant("the refresh token is invalid, expired or revoked");
        };
    }

    private static void checkClient(Grant grant, RegisteredClient client) {
        if (!grant.clientId().equals(client.clientId())) {
            LOG.log(System.Logger.Level.DEBUG, "client {0} presented a refresh token of client {1}",
                    client.clientId(), grant.clientId());
            throw invalidGrant("the refresh token was issued to another client");
        }
    }

    private static void checkScope(Grant grant, Optional<Set<String>> requested) {
        if (requested.isPresent() && !grant.scopes().containsAll(requested.get())) {
            throw new OAuthException(OAuthErrorCode.INVALID_SCOPE,
                    "a refresh may only ask for scopes the grant has: " + Scopes.format(grant.scopes()));
        }
    }

    private static Set<String> parseScope(String scope) {
        try {
            return Scopes.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthErrorCode.INVALID_SCOPE, "scope " + e.getMessage());
        }
    }

    private static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuthErrorCode.INVALID_GRANT, description);
    }
}
