package dev.mcpoauth.core;

import dev.mcpoauth.Grant;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mints access tokens as signed JWTs (<a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>)
 * and renders the token response (RFC 6749 §5.1).
 *
 * <p>An access token carries {@code iss}, {@code aud} (the canonical MCP URL, RFC 8707),
 * {@code sub} (the user id), {@code client_id}, {@code scope}, {@code jti}, {@code iat},
 * {@code exp}, and {@value #GRANT_ID_CLAIM}, through which revoking the grant reaches every token
 * minted from it. Thread safe.
 */
final class TokenIssuer {

    /** The private claim naming the grant a token was minted from. */
    public static final String GRANT_ID_CLAIM = "grant_id";
    /** The JWT {@code typ} of access tokens (RFC 9068 §2.1). */
    public static final String TOKEN_TYPE = "at+jwt";

    private final Engine engine;
    private final KeyManager keys;

    /** Creates the issuer. */
    public TokenIssuer(Engine engine, KeyManager keys) {
        this.engine = engine;
        this.keys = keys;
    }

    /**
     * Mints an access token and renders the token response.
     *
     * @param grant        the grant the token belongs to
     * @param scopes       the token's scopes: the grant's, or fewer
     * @param refreshToken the new refresh token to hand out, if any
     * @param now          the current time
     * @return the response: {@code access_token}, {@code token_type}, {@code expires_in},
     *         {@code refresh_token} when present, {@code scope} when not empty
     */
    public Map<String, Object> respond(Grant grant, Set<String> scopes, Optional<String> refreshToken, Instant now) {
        long lifetime = engine.config().accessTokenLifetime().toSeconds();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", mint(grant, scopes, now, now.plusSeconds(lifetime)));
        response.put("token_type", "Bearer");
        response.put("expires_in", lifetime);
        refreshToken.ifPresent(token -> response.put("refresh_token", token));
        if (!scopes.isEmpty()) {
            response.put("scope", Scopes.format(scopes));
        }
        return response;
    }

    private String mint(Grant grant, Set<String> scopes, Instant now, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(engine.config().issuer());
        claims.setAudience(grant.resource());
        claims.setSubject(grant.userId());
        claims.setStringClaim("client_id", grant.clientId());
        if (!scopes.isEmpty()) {
            claims.setStringClaim("scope", Scopes.format(scopes));
        }
        claims.setJwtId(Secrets.newId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setStringClaim(GRANT_ID_CLAIM, grant.grantId());

        KeyManager.LoadedKey key = keys.signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.jwk().getPrivateKey());
        jws.setKeyIdHeaderValue(key.meta().keyId());
        jws.setAlgorithmHeaderValue(KeyManager.ALGORITHM);
        jws.setHeader("typ", TOKEN_TYPE);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            // Signing with a key we generated and parsed ourselves cannot fail on a working runtime.
            throw new IllegalStateException("could not sign an access token", e);
        }
    }
}
