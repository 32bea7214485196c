package dev.mcpoauth.helidon;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client address for one endpoint (see {@link RateLimit}). IPv6 addresses are
 * counted per /64, the block one subscriber usually holds, so that rotating through one's own
 * addresses does not multiply the allowance.
 *
 * <p>Memory is bounded: past {@value #MAX_KEYS} addresses, buckets that have refilled are dropped,
 * and if that frees nothing, new addresses pass unlimited until it does (failing open keeps the
 * server available to everyone when a huge botnet spreads over more addresses than it can track).
 * Thread safe.
 */
final class RateLimiter {

    static final int MAX_KEYS = 100_000;

    /** Tokens left and when they were counted. */
    private record Bucket(double tokens, long nanos) {
    }

    private final RateLimit limit;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimit limit) {
        this.limit = limit;
        this.tokensPerNano = limit.isOff() ? 0 : limit.requests() / (double) limit.period().toNanos();
    }

    /**
     * Takes one request's token for an address, or refuses the request.
     *
     * @param address the client's address
     * @throws HttpProblem 429 with {@code Retry-After} when the address has no token left
     */
    void check(String address) {
        acquire(address).ifPresent(wait -> {
            throw HttpProblem.tooManyRequests(wait);
        });
    }

    /**
     * Takes one request's token for an address.
     *
     * @param address the client's address as {@code ClientAddress} gives it
     * @return empty when the request may proceed, else how long until a token is available
     */
    Optional<Duration> acquire(String address) {
        if (limit.isOff()) {
            return Optional.empty();
        }
        String key = key(address);
        long now = System.nanoTime();
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
            buckets.values().removeIf(b -> refilled(b, now) >= limit.requests());
            if (buckets.size() >= MAX_KEYS) {
                return Optional.empty();
            }
        }
        double[] wait = {0};
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? limit.requests() : refilled(b, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (1 - tokens) / tokensPerNano;
            return new Bucket(tokens, now);
        });
        return wait[0] == 0 ? Optional.empty() : Optional.of(Duration.ofNanos((long) Math.ceil(wait[0])));
    }

    private double refilled(Bucket b, long now) {
        return Math.min(limit.requests(), b.tokens() + (now - b.nanos()) * tokensPerNano);
    }

    /** The bucket key: an IPv4 address as it is, an IPv6 address by its first 64 bits. */
    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        String[] groups = address.toLowerCase(Locale.ROOT).split(":", -1);
        return groups.length == 8 ? String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64" : address;
    }
}
