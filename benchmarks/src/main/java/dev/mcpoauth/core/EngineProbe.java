package dev.mcpoauth.core;

import dev.mcpoauth.Grant;
import dev.mcpoauth.TokenStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The micro-benchmarks' one deliberate hook into the engine's package-private parts: token minting
 * and the JWT check without the store work that the public {@link AuthorizationServer} always adds,
 * and the PKCE check, so that each can be measured next to its floor.
 *
 * <p>It lives in the engine's package but ships in the benchmark jar, which JMH runs on the class
 * path, where both jars share the package. On the module path {@code dev.mcpoauth.core} belongs to
 * its module alone, so nothing outside the benchmarks can use this way in.
 */
public final class EngineProbe {

    /** The JWS algorithm of access tokens. */
    public static final String ALGORITHM = KeyManager.ALGORITHM;
    /** The {@code typ} header of access tokens (RFC 9068). */
    public static final String TOKEN_TYPE = TokenIssuer.TOKEN_TYPE;

    private final Engine engine;
    private final KeyManager keys;
    private final TokenIssuer issuer;
    private final AccessTokenVerifier verifier;

    private EngineProbe(Engine engine) {
        this.engine = engine;
        keys = new KeyManager(engine);
        keys.initialize();
        issuer = new TokenIssuer(engine, keys);
        verifier = new AccessTokenVerifier(engine, keys);
    }

    /** An engine's keys, issuer and verifier on {@code store}, with the default configuration. */
    public static EngineProbe create(TokenStore store) {
        return new EngineProbe(new Engine(ServerConfig.defaults(), store, Clock.systemUTC(), "bench"));
    }

    /** The configuration. */
    public ServerConfig config() {
        return engine.config();
    }

    /** The engine's clock, now. */
    public Instant now() {
        return engine.now();
    }

    /** The token response minting an access token for {@code grant}, without a refresh token. */
    public Map<String, Object> mint(Grant grant, Set<String> scopes, Instant now) {
        return issuer.respond(grant, scopes, Optional.empty(), now);
    }

    /** The JWT check of a bearer token (signature, claims), without the store; empty when refused. */
    public Optional<?> verify(String token) {
        return verifier.verify(token);
    }

    /** The published keys (RFC 7517). */
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    /** Whether a PKCE verifier is well formed (RFC 7636 §4.1). */
    public static boolean isWellFormedVerifier(String verifier) {
        return Pkce.isWellFormedVerifier(verifier);
    }

    /** Whether a verifier matches an S256 challenge (RFC 7636 §4.6), in constant time. */
    public static boolean pkceMatches(String verifier, String challenge) {
        return Pkce.matches(verifier, challenge);
    }
}
