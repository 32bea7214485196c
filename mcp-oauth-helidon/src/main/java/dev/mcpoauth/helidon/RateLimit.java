package dev.mcpoauth.helidon;

import dev.mcpoauth.spi.ProviderSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit per client address: a token bucket holding {@code requests} tokens that refills
 * completely over {@code period}, so a client may send a burst of {@code requests} and then one
 * request every {@code period / requests}. A request that finds the bucket empty gets
 * {@code 429 too_many_requests} with {@code Retry-After}.
 *
 * @param requests how many requests the bucket holds; 0 means no limit
 * @param period   how long the bucket takes to refill completely; positive
 */
public record RateLimit(int requests, Duration period) {

    /** Validates the values. */
    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (requests < 0) {
            throw new IllegalArgumentException("a rate limit allows 0 (no limit) or more requests, not " + requests);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit's period must be positive, but is " + period);
        }
    }

    /** {@code requests} per minute, with a burst of as many. */
    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    /** No limit. */
    public static RateLimit off() {
        return new RateLimit(0, Duration.ofMinutes(1));
    }

    /** Whether this limit allows everything. */
    public boolean isOff() {
        return requests == 0;
    }

    /**
     * Parses {@code off}, or {@code <requests>/<period>} with the period in any form of
     * {@link ProviderSettings#parseDuration(String)}, e.g. {@code 20/60}, {@code 20/PT1M} or {@code 20/10m}.
     *
     * @param text the setting's value
     * @return the limit
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static RateLimit parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("off") || t.equals("0")) {
            return off();
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a rate limit is 'off' or <requests>/<period>, e.g. 20/PT1M, not '" + text + "'");
        }
        try {
            String period = t.substring(slash + 1).trim();
            return new RateLimit(Integer.parseInt(t.substring(0, slash).trim()),
                    ProviderSettings.parseDuration(period));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a rate limit is 'off' or <requests>/<period>, e.g. 20/PT1M, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return isOff() ? "off" : requests + "/" + period;
    }
}
