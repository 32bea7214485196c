package dev.mcpoauth.core;

import dev.mcpoauth.Grant;
import dev.mcpoauth.RegisteredClient;

import java.util.Map;
import java.util.Optional;

/**
 * Token revocation (<a href="https://www.rfc-editor.org/rfc/rfc7009">RFC 7009</a>): an access token
 * is revoked by its {@code jti}; a refresh token revokes its whole grant (RFC 7009 §2.1). A token
 * that is unknown, invalid or belongs to another client is ignored, and the request still succeeds,
 * so that the answer says nothing about tokens the caller does not own.
 */
final class Revocation {

    private static final System.Logger LOG = System.getLogger(Revocation.class.getName());

    private final Engine engine;
    private final AccessTokenVerifier verifier;

    /** Creates the handler. */
    public Revocation(Engine engine, AccessTokenVerifier verifier) {
        this.engine = engine;
        this.verifier = verifier;
    }

    /**
     * Revokes the token of a request. The {@code token_type_hint} only orders the lookups, and an
     * unknown hint is ignored (RFC 7009 §2.1).
     *
     * @param client the authenticated client
     * @param form   the request, with {@code token}
     */
    public void revoke(RegisteredClient client, Map<String, String> form) {
        String token = Params.required(form, "token");
        boolean refreshFirst = Params.optional(form, "token_type_hint").filter("refresh_token"::equals).isPresent();
        boolean done = refreshFirst
                ? revokeRefreshToken(client, token) || revokeAccessToken(client, token)
                : revokeAccessToken(client, token) || revokeRefreshToken(client, token);
        if (!done) {
            LOG.log(System.Logger.Level.DEBUG, "revocation by client {0}: token unknown or not its own",
                    client.clientId());
        }
    }

    private boolean revokeAccessToken(RegisteredClient client, String token) {
        Optional<AccessTokenVerifier.Verified> verified = token.indexOf('.') > 0
                ? verifier.verify(token) : Optional.empty();
        if (verified.isEmpty() || !verified.get().clientId().equals(client.clientId())) {
            return false;
        }
        engine.revokeAccessToken(verified.get().tokenId(), verified.get().expiresAt());
        return true;
    }

    private boolean revokeRefreshToken(RegisteredClient client, String token) {
        Optional<Grant> grant = engine.store().findGrantByRefreshToken(Secrets.hash(token), engine.now());
        if (grant.isEmpty() || !grant.get().clientId().equals(client.clientId())) {
            return false;
        }
        engine.revokeGrant(grant.get().grantId());
        LOG.log(System.Logger.Level.INFO, "client {0} revoked grant {1}", client.clientId(), grant.get().grantId());
        return true;
    }
}
