package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.RefreshRotation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The atomicity part of the contract: 32 threads released at once race for each
 * single-use thing, and exactly one wins.
 */
public interface ConcurrencyContract extends StoreFixture {

    /** Of all threads redeeming one code, exactly one redeems it and every other sees a replay. */
    @Test
    default void concurrentRedeemOfOneCodeThenExactlyOneRedeemed() throws Exception {
        AuthorizationCode code = TestValues.code("raced-code", registerClient("race-client"), "g-race");
        store().saveAuthorizationCode(code);
        List<CodeRedemption> results = Race.run(Race.THREADS,
                i -> () -> store().redeemAuthorizationCode("raced-code", NOW));
        assertThat(results).filteredOn(r -> r instanceof CodeRedemption.Redeemed)
                .as("a code is single use, even under a race").hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof CodeRedemption.Replayed).hasSize(Race.THREADS - 1);
    }

    /** Of all threads rotating one refresh token, exactly one rotates it and its new token is current. */
    @Test
    default void concurrentRotationOfOneTokenThenExactlyOneRotatedAndWinnerIsCurrent() throws Exception {
        Grant grant = TestValues.grant("g-race", registerClient("race-client"));
        store().saveGrant(grant, "raced-token", NOW.plus(LONG));
        List<RefreshRotation> results = Race.run(Race.THREADS,
                i -> () -> store().rotateRefreshToken("raced-token", "new-token-" + i, NOW.plus(LONG), NOW));
        List<Integer> winners = IntStream.range(0, Race.THREADS)
                .filter(i -> results.get(i) instanceof RefreshRotation.Rotated).boxed().toList();
        assertThat(winners).as("a refresh token rotates once, even under a race").hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof RefreshRotation.Reused).hasSize(Race.THREADS - 1);
        int winner = winners.getFirst();
        assertThat(store().findGrantByRefreshToken("new-token-" + winner, NOW)).contains(grant);
        for (int i = 0; i < Race.THREADS; i++) {
            if (i != winner) {
                assertThat(store().findGrantByRefreshToken("new-token-" + i, NOW))
                        .as("a loser's new token must never become current").isEmpty();
            }
        }
    }

    /** Of all threads completing one login, exactly one removes the pending request. */
    @Test
    default void concurrentRemovalOfOnePendingRequestThenExactlyOneTrue() throws Exception {
        store().savePendingAuthorization(TestValues.pending("raced-pending", registerClient("race-client")));
        List<Boolean> results = Race.run(Race.THREADS, i -> () -> store().removePendingAuthorization("raced-pending"));
        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    /** Of all threads revoking one grant, exactly one reports that it revoked it. */
    @Test
    default void concurrentRevocationOfOneGrantThenExactlyOneTrue() throws Exception {
        store().saveGrant(TestValues.grant("g-revoke-race", registerClient("race-client")), "rt", NOW.plus(LONG));
        List<Boolean> results = Race.run(Race.THREADS, i -> () -> store().revokeGrant("g-revoke-race"));
        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
    }
}
