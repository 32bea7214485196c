package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.PendingAuthorization;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pending-request part of the contract: visible until it expires, removed exactly once. */
public interface PendingAuthorizationContract extends StoreFixture {

    /** A saved request is found, equal in every field, until just before it expires. */
    @Test
    default void savePendingThenFindBeforeExpiryReturnsEqualRequest() {
        PendingAuthorization pending = TestValues.pending("p-1", registerClient("pending-client"));
        store().savePendingAuthorization(pending);
        assertThat(store().findPendingAuthorization("p-1", NOW)).contains(pending);
        assertThat(store().findPendingAuthorization("p-1", pending.expiresAt().minusMillis(1))).contains(pending);
    }

    /** From its expiry instant on, a request is invisible even though it has not been purged. */
    @Test
    default void findPendingWhenExpiredThenEmpty() {
        PendingAuthorization pending = TestValues.pending("p-exp", registerClient("pending-client"));
        store().savePendingAuthorization(pending);
        assertThat(store().findPendingAuthorization("p-exp", pending.expiresAt()))
                .as("expiresAt is exclusive: at that instant the request is expired").isEmpty();
        assertThat(store().findPendingAuthorization("p-exp", pending.expiresAt().plus(Duration.ofDays(1)))).isEmpty();
    }

    /** An unknown hash finds nothing. */
    @Test
    default void findPendingWhenUnknownThenEmpty() {
        assertThat(store().findPendingAuthorization("no-such-request", NOW)).isEmpty();
    }

    /** Remove reports true once, then false, and the request can no longer be found. */
    @Test
    default void removePendingReturnsTrueOnceThenFalseAndHidesIt() {
        store().savePendingAuthorization(TestValues.pending("p-rm", registerClient("pending-client")));
        assertThat(store().removePendingAuthorization("p-rm")).isTrue();
        assertThat(store().removePendingAuthorization("p-rm")).isFalse();
        assertThat(store().findPendingAuthorization("p-rm", NOW)).isEmpty();
    }

    /** Removing an unknown request is not an error, and leaves other requests alone. */
    @Test
    default void removePendingWhenUnknownThenFalseAndOthersStay() {
        store().savePendingAuthorization(TestValues.pending("p-keep", registerClient("pending-client")));
        assertThat(store().removePendingAuthorization("no-such-request")).isFalse();
        assertThat(store().findPendingAuthorization("p-keep", NOW)).isPresent();
    }
}
