package dev.mcpoauth.core;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code authorization_code} grant (RFC 6749 §4.1.3, RFC 7636 §4.5): redeems the code once,
 * checks it against the client, the PKCE verifier, the redirect URI and the resource, then creates
 * the grant with its first refresh token and mints the first access token.
 *
 * <p>A code presented a second time is a replay: the grant it produced is revoked, with every token
 * minted from it (RFC 6749 §4.1.2, RFC 9700 §4.2.4). Exactly one redemption gets a token response,
 * even when replays race it; its tokens are then already revoked.
 *
 * <p>Error choices: a missing {@code code} or {@code code_verifier} is {@code invalid_request}; a
 * verifier that is not 43-128 unreserved characters cannot match any challenge, so it is
 * {@code invalid_grant}, like a wrong one (RFC 7636 §4.6), and is refused before the code is spent.
 */
final class CodeExchange implements GrantHandler {

    private static final System.Logger LOG = System.getLogger(CodeExchange.class.getName());

    private final Engine engine;
    private final TokenIssuer issuer;
    private final ReplayGuard replays;

    /** Creates the handler. */
    public CodeExchange(Engine engine, TokenIssuer issuer, ReplayGuard replays) {
        this.engine = engine;
        this.issuer = issuer;
        this.replays = replays;
    }

    @Override
    public String grantType() {
        return GrantHandlers.AUTHORIZATION_CODE;
    }

    /**
     * Exchanges a code for tokens.
     *
     * @param client the authenticated client
     * @param form   the token request
     * @return the token response
     * @throws OAuthException {@code invalid_grant}, {@code invalid_request} or {@code invalid_target}
     */
    @Override
    public Map<String, Object> grant(RegisteredClient client, Map<String, String> form) {
        String code = Params.required(form, "code");
        String verifier = Params.required(form, "code_verifier");
        if (!Pkce.isWellFormedVerifier(verifier)) {
            throw invalidGrant("code_verifier must be 43 to 128 unreserved characters");
        }
        String resource = Params.ownResource(form, engine.config().resource());
        Instant now = engine.now();
        AuthorizationCode redeemed = switch (engine.store().redeemAuthorizationCode(Secrets.hash(code), now)) {
            case CodeRedemption.Redeemed r -> r.code();
            case CodeRedemption.Replayed r -> throw replayed(r.code(), now);
            case CodeRedemption.NotFound n -> throw invalidGrant("the authorization code is invalid or expired");
        };
        check(redeemed, client, verifier, Params.optional(form, "redirect_uri"), now);
        // The client completed a flow: from now on it is never evicted as an unused registration.
        engine.store().markClientUsed(client.clientId(), now);

        Grant grant = new Grant(redeemed.grantId(), client.clientId(), redeemed.userId(), redeemed.scopes(),
                redeemed.resource(), now, now.plus(engine.config().grantLifetime()), false);
        String refreshToken = Secrets.newSecret();
        engine.store().saveGrant(grant, Secrets.hash(refreshToken), RefreshGrant.expiry(engine, grant, now));
        if (replays.wasReplayed(grant.grantId())) {
            // The replay ran before this grant existed, so its revocation missed; revoke it now. The
            // response still goes out, dead on arrival, exactly as when the replay comes later.
            engine.revokeGrant(grant.grantId());
        }
        boolean refreshable = client.grantTypes().contains(GrantHandlers.REFRESH_TOKEN);
        return issuer.respond(grant, grant.scopes(), refreshable ? Optional.of(refreshToken) : Optional.empty(), now);
    }

    private static void check(AuthorizationCode code, RegisteredClient client, String verifier,
                              Optional<String> redirectUri, Instant now) {
        if (!code.clientId().equals(client.clientId())) {
            // Said like an unknown code: another client learns nothing about this one's codes.
            LOG.log(System.Logger.Level.DEBUG, "client {0} presented a code of client {1}",
                    client.clientId(), code.clientId());
            throw invalidGrant("the authorization code is invalid or expired");
        }
        if (code.isExpired(now)) {
            throw invalidGrant("the authorization code has expired");
        }
        if (!Pkce.matches(verifier, code.codeChallenge())) {
            throw invalidGrant("code_verifier does not match the code_challenge");
        }
        // RFC 6749 §4.1.3: required when the authorization request named it; identical when sent.
        if (code.redirectUriExplicit() && redirectUri.isEmpty()) {
            throw invalidGrant("redirect_uri is required because the authorization request named it");
        }
        if (redirectUri.filter(uri -> !uri.equals(code.redirectUri())).isPresent()) {
            throw invalidGrant("redirect_uri differs from the one of the authorization request");
        }
    }

    private OAuthException replayed(AuthorizationCode code, Instant now) {
        replays.markReplayed(code.grantId(), now);
        boolean revoked = engine.revokeGrant(code.grantId());
        LOG.log(System.Logger.Level.WARNING, "authorization code of client {0} used twice; grant {1} {2}",
                code.clientId(), code.grantId(), revoked ? "revoked" : "was not active");
        return invalidGrant("the authorization code was already used");
    }

    private static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuthErrorCode.INVALID_GRANT, description);
    }
}
