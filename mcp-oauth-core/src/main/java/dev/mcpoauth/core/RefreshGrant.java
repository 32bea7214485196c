package dev.mcpoauth.core;

import dev.mcpoauth.Grant;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import dev.mcpoauth.RegisteredClient;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code refresh_token} grant (RFC 6749 §6, OAuth 2.1 §4.3) with rotation: every use replaces
 * the refresh token, and presenting a rotated-away one revokes the whole grant, since it means the
 * token was copied (RFC 9700 §4.14.2). A requested scope may only narrow the grant's, and narrows
 * only the new access token; the grant keeps its scopes (RFC 6749 §6). A {@code resource}, if sent,
 * must be this server's (RFC 8707 §2), as at the other steps.
 *
 * <p>The reuse grace ({@link dev.mcpoauth.core.ServerConfig#refreshReuseGrace()}): real clients
 * present the same refresh token twice within seconds (processes sharing one credential, connectors
 * on several nodes, a retry after a lost response). Within the grace such a repeat is answered with
 * a new access token and the <em>same</em> successor refresh token that the first rotation issued,
 * so every caller converges on one token that still works and nobody's token is invalidated by
 * another's refresh. The successor is kept only sealed under a key derived from the presented token
 * ({@link SuccessorSeal}). A repeat after the grace, a token more than one rotation old (its
 * successor was itself rotated) or one presented by another client is theft, as before.
 */
final class RefreshGrant implements GrantHandler {

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

    @Override
    public String grantType() {
        return GrantHandlers.REFRESH_TOKEN;
    }

    /**
     * Refreshes.
     *
     * @param client the authenticated client
     * @param form   the token request
     * @return the token response, with the new refresh token
     * @throws OAuthException {@code invalid_grant}, {@code invalid_scope}, {@code invalid_target} or
     *                        {@code invalid_request}
     */
    @Override
    public Map<String, Object> grant(RegisteredClient client, Map<String, String> form) {
        String token = Params.required(form, "refresh_token");
        String presented = Secrets.hash(token);
        Optional<Set<String>> requested = Params.optional(form, "scope").map(RefreshGrant::parseScope);
        Params.ownResource(form, engine.config().resource());
        Instant now = engine.now();
        // Check binding and scope before rotating, so that a refused request does not spend the token.
        Optional<Grant> current = engine.store().findGrantByRefreshToken(presented, now);
        if (current.isPresent()) {
            checkClient(current.get(), client);
            scopesFor(current.get(), requested);
        }
        String next = Secrets.newSecret();
        Instant nextExpiry = current.map(g -> expiry(engine, g, now))
                .orElse(now.plus(engine.config().refreshTokenLifetime()));
        Duration grace = engine.config().refreshReuseGrace();
        RefreshSuccessor successor = grace.isZero()
                ? RefreshSuccessor.unsealed(Secrets.hash(next), nextExpiry)
                : RefreshSuccessor.sealed(Secrets.hash(next), nextExpiry, SuccessorSeal.seal(token, next));
        return switch (engine.store().rotateRefreshToken(presented, successor, now, grace)) {
            case RefreshRotation.Rotated r -> {
                requireSameClient(r.grant(), client);
                yield issuer.respond(r.grant(), scopesFor(r.grant(), requested), Optional.of(next), now);
            }
            case RefreshRotation.Repeated r -> {
                requireSameClient(r.grant(), client);
                Set<String> scopes = scopesFor(r.grant(), requested);
                String kept = SuccessorSeal.unseal(token, r.sealedSuccessor()).orElseThrow(() -> {
                    LOG.log(System.Logger.Level.WARNING, "the sealed successor of a refresh token of grant {0} "
                            + "does not open with that token; the store returned another token's record",
                            r.grant().grantId());
                    return invalidGrant("the refresh token is invalid, expired or revoked");
                });
                LOG.log(System.Logger.Level.DEBUG, "refresh token of client {0} repeated within the reuse grace; "
                        + "answered with the successor of its rotation (grant {1})", client.clientId(), r.grant().grantId());
                yield issuer.respond(r.grant(), scopes, Optional.of(kept), now);
            }
            case RefreshRotation.Reused r -> {
                boolean revoked = engine.revokeGrant(r.grant().grantId());
                LOG.log(System.Logger.Level.WARNING, "rotated-away refresh token of client {0} reused after the "
                                + "reuse grace of {1} or more than one rotation old; grant {2} {3}",
                        r.grant().clientId(), grace, r.grant().grantId(), revoked ? "revoked" : "was not active");
                throw invalidGrant("the refresh token was already used; sign in again");
            }
            case RefreshRotation.Invalid i -> throw invalidGrant("the refresh token is invalid, expired or revoked");
        };
    }

    /** A client presenting another client's token, found only once the store answered: theft. */
    private void requireSameClient(Grant grant, RegisteredClient client) {
        if (!grant.clientId().equals(client.clientId())) {
            boolean revoked = engine.revokeGrant(grant.grantId());
            LOG.log(System.Logger.Level.WARNING, "client {0} presented a refresh token of client {1}; grant {2} {3}",
                    client.clientId(), grant.clientId(), grant.grantId(), revoked ? "revoked" : "was not active");
            throw invalidGrant("the refresh token was issued to another client");
        }
    }

    private static void checkClient(Grant grant, RegisteredClient client) {
        if (!grant.clientId().equals(client.clientId())) {
            LOG.log(System.Logger.Level.DEBUG, "client {0} presented a refresh token of client {1}",
                    client.clientId(), grant.clientId());
            throw invalidGrant("the refresh token was issued to another client");
        }
    }

    /**
     * The scopes of the new access token: the grant's, or the requested ones, which may only narrow
     * them. {@code offline_access} asked of a grant without it is left out, not refused: clients of
     * the 2026-07-28 revision may add it to any token request, and a server may grant less (RFC 6749 §3.3).
     */
    private static Set<String> scopesFor(Grant grant, Optional<Set<String>> requested) {
        if (requested.isEmpty()) {
            return grant.scopes();
        }
        Set<String> asked = new LinkedHashSet<>(requested.get());
        if (!grant.scopes().contains(Scopes.OFFLINE_ACCESS)) {
            asked.remove(Scopes.OFFLINE_ACCESS);
        }
        if (!grant.scopes().containsAll(asked)) {
            throw new OAuthException(OAuthErrorCode.INVALID_SCOPE,
                    "a refresh may only ask for scopes the grant has: " + Scopes.format(grant.scopes()));
        }
        return asked;
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
