package dev.mcpoauth.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers access tokens whose signature and claims were already checked, so that a client sending
 * the same bearer token on every MCP request pays for the ES256 verification once (JMH: about 0.5 ms
 * of JDK P-256 arithmetic per check on the build machines) instead of on each request.
 *
 * <p>Only what cannot change is remembered for the token's life: the signature, issuer, audience
 * and claims of an exact token. Expiry is checked on every hit. Whether the token is still active
 * (its grant and the token not revoked) is remembered per entry with the time and the revocation
 * epoch of the check, and {@link AccessTokenVerifier#verifyActive} decides when to ask the store
 * again. Entries are keyed by the token text: hashing 600 bytes on every request would cost a tenth
 * of a request's time, and the token is in this process's memory anyway while its requests are
 * read. The map is bounded: past {@link #MAX_ENTRIES} it drops expired entries, and if that is not
 * enough, everything. Thread safe.
 */
final class VerifiedTokens {

    /** At most this many tokens are remembered (a few MB). */
    static final int MAX_ENTRIES = 10_000;

    /** A token that passed the full check, and when it was last found active in the store. */
    static final class Entry {

        private final AccessTokenVerifier.Verified claims;
        private volatile ActiveCheck lastActive;

        private Entry(AccessTokenVerifier.Verified claims) {
            this.claims = claims;
        }

        AccessTokenVerifier.Verified claims() {
            return claims;
        }

        /** Whether the store said "active" less than {@code intervalNanos} ago, with no revocation since. */
        boolean foundActiveWithin(long nowNanos, long epoch, long intervalNanos) {
            ActiveCheck last = lastActive;
            return last != null && last.epoch == epoch && nowNanos - last.atNanos < intervalNanos;
        }

        /** Records that the store said "active" at {@code atNanos}, asked in revocation epoch {@code epoch}. */
        void foundActive(long atNanos, long epoch) {
            lastActive = new ActiveCheck(atNanos, epoch);
        }

        /** Forgets the last "active", so the next request asks the store. */
        void foundInactive() {
            lastActive = null;
        }

        private record ActiveCheck(long atNanos, long epoch) {
        }
    }

    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    /**
     * The entry of {@code token}: the remembered one when the token was verified before and has not
     * expired, else a new one when {@code verify} says the token is valid.
     *
     * @param token  the compact JWT
     * @param now    the current time
     * @param skew   how long after {@code exp} a token is still accepted
     * @param verify the full check
     * @return the entry, or empty when the token is not valid
     */
    Optional<Entry> get(String token, Instant now, Duration skew,
                        Function<String, Optional<AccessTokenVerifier.Verified>> verify) {
        Entry known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.claims.expiresAt().plus(skew))) {
                return Optional.of(known);
            }
            verified.remove(token, known);
            return Optional.empty();
        }
        return verify.apply(token).map(claims -> remember(token, new Entry(claims), now, skew));
    }

    /** How many tokens are remembered; for tests. */
    int size() {
        return verified.size();
    }

    private Entry remember(String token, Entry entry, Instant now, Duration skew) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(e -> !now.isBefore(e.claims.expiresAt().plus(skew)));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, entry);
        return entry;
    }
}
