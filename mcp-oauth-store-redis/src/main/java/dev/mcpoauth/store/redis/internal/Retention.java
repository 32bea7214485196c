package dev.mcpoauth.store.redis.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long Redis keeps a record: its lifetime plus a grace period, as a relative time to live.
 *
 * <p>The lifetime is measured from the record's own start ({@code createdAt}, {@code issuedAt}, or
 * the {@code now} the caller passed), not from the Redis server's clock, so the engine's clock stays
 * the only clock: a record is invisible from its {@code expiresAt} on because reads compare it with
 * {@code now}, and Redis deletes it by itself a grace period later. Until then
 * {@code purgeExpired} deletes and counts it; the time to live only guarantees that nothing
 * accumulates when no purge runs.
 *
 * @param grace how long a record outlives its expiry in Redis
 * @param clock the clock for the one record that has no start of its own (an access-token revocation)
 */
public record Retention(Duration grace, Clock clock) {

    /** Beyond this, a time to live could overflow the server's absolute expiry time. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 4;

    /** The time to live, in milliseconds, of a record that lives from {@code start} until {@code end}. */
    public long millis(Instant start, Instant end) {
        try {
            long lifetime = Math.max(0, Duration.between(start, end).toMillis());
            return Math.max(1, Math.min(MAX_MILLIS, Math.addExact(lifetime, grace.toMillis())));
        } catch (ArithmeticException e) {
            return MAX_MILLIS;
        }
    }

    /** The time to live, in milliseconds, of a record that lives from now until {@code end}. */
    public long millisUntil(Instant end) {
        return millis(clock.instant(), end);
    }
}
