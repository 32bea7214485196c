package dev.mcpoauth.core.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers access tokens whose signature and claims were already checked, so that a client sending
 * the same bearer token on every MCP request pays for the ES256 verification once (JMH: about 0.5 ms
 * of JDK P-256 arithmetic per check on the build machines) instead of on each request.
 *
 * <p>Only what cannot change is remembered: the signature, issuer, audience and claims of an exact
 * token. Expiry is checked on every hit, and the grant and revocation checks that follow
 * ({@link AccessTokenVerifier#verifyActive}) always ask the store, so a revocation takes effect at
 * once. Entries are keyed by the SHA-256 of the token, never by the token itself, and the map is
 * bounded: past {@link #MAX_ENTRIES} it drops expired entries, and if that is not enough, everything.
 * Thread safe.
 */
final class VerifiedTokens {

    /** At most this many tokens are remembered (a few MB). */
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, AccessTokenVerifier.Verified> verified = new ConcurrentHashMap<>();

    /**
     * The verified claims of {@code token}: remembered ones when the token was verified before and
     * has not expired, else what {@code verify} says, remembered when valid.
     *
     * @param token  the compact JWT
     * @param now    the current time
     * @param skew   how long after {@code exp} a token is still accepted
     * @param verify the full check
     * @return the claims, or empty when the token is not valid
     */
    Optional<AccessTokenVerifier.Verified> get(String token, Instant now, java.time.Duration skew,
                                              Function<String, Optional<AccessTokenVerifier.Verified>> verify) {
        String key = Secrets.hash(token);
        AccessTokenVerifier.Verified known = verified.get(key);
        if (known != null) {
            if (now.isBefore(known.expiresAt().plus(skew))) {
                return Optional.of(known);
            }
            verified.remove(key, known);
            return Optional.empty();
        }
        Optional<AccessTokenVerifier.Verified> checked = verify.apply(token);
        checked.ifPresent(claims -> remember(key, claims, now, skew));
        return checked;
    }

    /** How many tokens are remembered; for tests. */
    int size() {
        return verified.size();
    }

    private void remember(String key, AccessTokenVerifier.Verified claims, Instant now, java.time.Duration skew) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> !now.isBefore(v.expiresAt().plus(skew)));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key, claims);
    }
}
