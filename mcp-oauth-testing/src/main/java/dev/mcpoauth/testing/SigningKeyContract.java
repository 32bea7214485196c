package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.SigningKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The signing-key part of the contract: newest first, expired keys invisible. */
public interface SigningKeyContract extends StoreFixture {

    /** A new store has no keys yet. */
    @Test
    default void signingKeysWhenNoneThenEmpty() {
        assertThat(store().signingKeys(NOW)).isEmpty();
    }

    /** Keys come back equal in every field, newest first whatever the order they were saved in. */
    @Test
    default void signingKeysNewestFirst() {
        SigningKey oldest = TestValues.signingKey("k-old", NOW.minus(Duration.ofHours(30)));
        SigningKey newest = TestValues.signingKey("k-new", NOW);
        SigningKey middle = TestValues.signingKey("k-mid", NOW.minus(Duration.ofHours(6)));
        store().saveSigningKey(middle);
        store().saveSigningKey(newest);
        store().saveSigningKey(oldest);
        assertThat(store().signingKeys(NOW)).containsExactly(newest, middle, oldest);
    }

    /** A key past {@code signsUntil} is still published; from {@code expiresAt} on it is gone. */
    @Test
    default void signingKeysHidesExpiredKeys() {
        SigningKey retired = TestValues.signingKey("k-retired", NOW.minus(Duration.ofHours(36)));
        SigningKey expired = TestValues.signingKey("k-expired", NOW.minus(Duration.ofDays(2)));
        SigningKey current = TestValues.signingKey("k-current", NOW);
        store().saveSigningKey(retired);
        store().saveSigningKey(expired);
        store().saveSigningKey(current);
        assertThat(store().signingKeys(NOW))
                .as("expiresAt is exclusive: k-expired expires exactly now").containsExactly(current, retired);
    }
}
