package dev.mcpoauth.core;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an access token this server minted: signature by a stored key with the one allowed
 * algorithm (never {@code none}), {@code typ at+jwt}, issuer, audience (this resource, RFC 8707),
 * expiry with a small clock skew, and, for {@link #verifyActive}, that its grant is still active and
 * the token itself was not revoked. Thread safe.
 */
final class AccessTokenVerifier {

    /** How far clocks of processes sharing a store may disagree. */
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(CLOCK_SKEW_SECONDS);
    private static final System.Logger LOG = System.getLogger(AccessTokenVerifier.class.getName());

    /**
     * A token that passed the checks.
     *
     * @param userId    {@code sub}
     * @param clientId  {@code client_id}
     * @param scopes    {@code scope}, split
     * @param tokenId   {@code jti}
     * @param grantId   the grant it was minted from
     * @param audience  {@code aud}
     * @param issuedAt  {@code iat}
     * @param expiresAt {@code exp}
     */
    public record Verified(String userId, String clientId, Set<String> scopes, String tokenId, String grantId,
                           String audience, Instant issuedAt, Instant expiresAt) {
    }

    private final Engine engine;
    private final KeyManager keys;
    private final VerifiedTokens verifiedTokens = new VerifiedTokens();
    private final long recheckNanos;

    /** Creates the verifier. */
    public AccessTokenVerifier(Engine engine, KeyManager keys) {
        this.engine = engine;
        this.keys = keys;
        this.recheckNanos = engine.config().revocationCheckInterval().toNanos();
    }

    /**
     * Checks the token itself: signature, type, issuer, audience, times. Store state is not consulted.
     * A token that passed once is not verified again until it expires (see {@link VerifiedTokens}).
     *
     * @param token the compact JWT
     * @return the token's claims, or empty when it is not a valid token of this server (the reason is logged at DEBUG)
     */
    public Optional<Verified> verify(String token) {
        return verifiedTokens.get(token, engine.now(), CLOCK_SKEW, this::check).map(VerifiedTokens.Entry::claims);
    }

    private Optional<Verified> check(String token) {
        if (!isB64Token(token)) {
            // Also because jose4j's base64url decoder skips characters outside its alphabet: a valid
            // token with such characters added must not verify.
            LOG.log(System.Logger.Level.DEBUG, "access token rejected: not a b64token (RFC 6750 §2.1)");
            return Optional.empty();
        }
        Instant now = engine.now();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
                .setExpectedIssuer(engine.config().issuer())
                .setExpectedAudience(engine.config().resource())
                .setExpectedType(true, TokenIssuer.TOKEN_TYPE)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, KeyManager.ALGORITHM)
                .setVerificationKeyResolver((jws, nesting) -> keys.verificationKey(
                                Optional.ofNullable(jws.getKeyIdHeaderValue()).orElse(""))
                        .orElseThrow(() -> new UnresolvableKeyException("unknown key id")))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String clientId = claims.getStringClaimValue("client_id");
            String grantId = claims.getStringClaimValue(TokenIssuer.GRANT_ID_CLAIM);
            if (clientId == null || grantId == null) {
                LOG.log(System.Logger.Level.DEBUG, "access token rejected: client_id or grant id missing");
                return Optional.empty();
            }
            String scope = claims.getStringClaimValue("scope");
            return Optional.of(new Verified(claims.getSubject(), clientId,
                    scope == null ? Set.of() : Scopes.parse(scope), claims.getJwtId(), grantId,
                    engine.config().resource(),
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue())));
        } catch (InvalidJwtException e) {
            // Never the message: jose4j quotes the token or its claims in it, and tokens stay out of logs.
            LOG.log(System.Logger.Level.DEBUG, "access token rejected: jose4j error codes {0}",
                    e.getErrorDetails().stream().map(d -> Integer.toString(d.getErrorCode())).toList());
            return Optional.empty();
        } catch (MalformedClaimException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "access token rejected: a claim has the wrong type or syntax");
            return Optional.empty();
        }
    }

    /**
     * Checks the token as {@link #verify} does, and also that its grant is active and it was not revoked.
     * The store is asked at most once per {@link ServerConfig#revocationCheckInterval()} per token, and
     * again at once after any revocation by this process (the engine's revocation epoch moved).
     *
     * @param token the compact JWT
     * @return the token's claims, or empty when it must not be accepted
     */
    public Optional<Verified> verifyActive(String token) {
        Optional<VerifiedTokens.Entry> found = verifiedTokens.get(token, engine.now(), CLOCK_SKEW, this::check);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VerifiedTokens.Entry entry = found.get();
        Verified verified = entry.claims();
        // The epoch is read before the store: a revocation racing this check either is seen by the
        // store query or moves the epoch past the one recorded below.
        long epoch = engine.revocationEpoch().get();
        long nowNanos = System.nanoTime();
        if (entry.foundActiveWithin(nowNanos, epoch, recheckNanos)) {
            return Optional.of(verified);
        }
        if (engine.store().isAccessTokenActive(verified.grantId(), verified.tokenId(), engine.now())) {
            entry.foundActive(nowNanos, epoch);
            return Optional.of(verified);
        }
        entry.foundInactive();
        LOG.log(System.Logger.Level.DEBUG, "access token {0} rejected: revoked, or its grant is", verified.tokenId());
        return Optional.empty();
    }

    /**
     * RFC 6750 §2.1 {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}.
     * A loop, not a regex: this runs on every MCP request, over some 600 characters.
     */
    static boolean isB64Token(String token) {
        int n = token.length();
        int i = 0;
        while (i < n && isB64TokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && token.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean isB64TokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
