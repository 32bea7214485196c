package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.Grant;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reuse-grace part of the contract: a rotated-away token presented again within the grace,
 * while the token it was rotated into is still current, is a {@link RefreshRotation.Repeated} that
 * hands back the sealed successor of that one rotation and changes nothing; anything else rotated
 * away is {@link RefreshRotation.Reused}.
 */
public interface RefreshReuseGraceContract extends StoreFixture {

    /** The grace the tests rotate with. */
    Duration GRACE = Duration.ofSeconds(60);

    private Grant graceGrant(String grantId, String tokenHash) {
        Grant grant = TestValues.grant(grantId, registerClient("client-of-" + grantId));
        store().saveGrant(grant, tokenHash, NOW.plus(LONG));
        return grant;
    }

    private RefreshRotation rotate(String presented, String next, Instant now) {
        return store().rotateRefreshToken(presented,
                RefreshSuccessor.sealed(next, NOW.plus(LONG), "sealed-" + next), now, GRACE);
    }

    /** A repeat within the grace gets the first rotation's sealed successor; that successor stays current. */
    @Test
    default void repeatWithinGraceThenRepeatedWithFirstSuccessorAndNothingChanges() {
        Grant grant = graceGrant("g-grace-1", "rt-a");
        assertThat(rotate("rt-a", "rt-b", NOW)).isEqualTo(new RefreshRotation.Rotated(grant));
        Instant later = NOW.plus(GRACE).minusMillis(1);
        assertThat(rotate("rt-a", "rt-c", later))
                .as("a repeat within the grace converges on the first rotation's successor")
                .isEqualTo(new RefreshRotation.Repeated(grant, "sealed-rt-b"));
        assertThat(store().findGrantByRefreshToken("rt-b", later)).contains(grant);
        assertThat(store().findGrantByRefreshToken("rt-c", later)).as("a repeat creates no token").isEmpty();
        assertThat(rotate("rt-b", "rt-d", later)).as("the successor still rotates")
                .isEqualTo(new RefreshRotation.Rotated(grant));
    }

    /** At the end of the grace a repeat is reuse. */
    @Test
    default void repeatAtGraceEndThenReused() {
        Grant grant = graceGrant("g-grace-2", "rt-a");
        rotate("rt-a", "rt-b", NOW);
        assertThat(rotate("rt-a", "rt-c", NOW.plus(GRACE))).isEqualTo(new RefreshRotation.Reused(grant));
        assertThat(store().findGrantByRefreshToken("rt-b", NOW.plus(GRACE))).contains(grant);
    }

    /** A token two rotations old is reuse even within the grace; the one after it still repeats. */
    @Test
    default void repeatOfTokenTwoRotationsOldThenReused() {
        Grant grant = graceGrant("g-grace-3", "rt-a");
        rotate("rt-a", "rt-b", NOW);
        rotate("rt-b", "rt-c", NOW.plusSeconds(1));
        assertThat(rotate("rt-a", "rt-x", NOW.plusSeconds(2))).isEqualTo(new RefreshRotation.Reused(grant));
        assertThat(rotate("rt-b", "rt-y", NOW.plusSeconds(2)))
                .isEqualTo(new RefreshRotation.Repeated(grant, "sealed-rt-c"));
    }

    /** A strict rotation keeps nothing to repeat: presenting the old token again is reuse. */
    @Test
    default void repeatAfterStrictRotationThenReused() {
        Grant grant = graceGrant("g-grace-4", "rt-a");
        store().rotateRefreshToken("rt-a", RefreshSuccessor.unsealed("rt-b", NOW.plus(LONG)), NOW, GRACE);
        assertThat(rotate("rt-a", "rt-c", NOW.plusSeconds(1))).isEqualTo(new RefreshRotation.Reused(grant));
    }

    /** A grace of zero is strict rotation. */
    @Test
    default void repeatWithZeroGraceThenReused() {
        Grant grant = graceGrant("g-grace-5", "rt-a");
        rotate("rt-a", "rt-b", NOW);
        assertThat(store().rotateRefreshToken("rt-a", RefreshSuccessor.sealed("rt-c", NOW.plus(LONG), "s"),
                NOW, Duration.ZERO)).isEqualTo(new RefreshRotation.Reused(grant));
    }

    /** Once the grant is revoked a repeat is reuse, never a new answer. */
    @Test
    default void repeatWhenGrantRevokedThenReused() {
        Grant grant = graceGrant("g-grace-6", "rt-a");
        rotate("rt-a", "rt-b", NOW);
        store().revokeGrant("g-grace-6");
        assertThat(rotate("rt-a", "rt-c", NOW.plusSeconds(1)))
                .isEqualTo(new RefreshRotation.Reused(grant.asRevoked()));
    }

    /** A successor that has expired is not handed out again. */
    @Test
    default void repeatWhenSuccessorExpiredThenReused() {
        Grant grant = graceGrant("g-grace-7", "rt-a");
        store().rotateRefreshToken("rt-a", RefreshSuccessor.sealed("rt-b", NOW.plusSeconds(10), "sealed-rt-b"),
                NOW, GRACE);
        assertThat(rotate("rt-a", "rt-c", NOW.plusSeconds(10))).isEqualTo(new RefreshRotation.Reused(grant));
    }

    /**
     * 32 threads present one token at once: exactly one rotates, every other one repeats and is
     * handed the winner's sealed successor, and only the winner's token is current.
     */
    @Test
    default void concurrentRefreshesOfOneTokenThenOneRotatedAndAllConverge() throws Exception {
        Grant grant = graceGrant("g-grace-race", "raced");
        List<RefreshRotation> results = Race.run(Race.THREADS, i -> () -> rotate("raced", "next-" + i, NOW));
        List<Integer> winners = IntStream.range(0, Race.THREADS)
                .filter(i -> results.get(i) instanceof RefreshRotation.Rotated).boxed().toList();
        assertThat(winners).as("a refresh token rotates once, even under a race").hasSize(1);
        String winner = "next-" + winners.getFirst();
        assertThat(results).filteredOn(r -> r instanceof RefreshRotation.Repeated)
                .as("every other caller converges on the winner's successor")
                .hasSize(Race.THREADS - 1)
                .containsOnly(new RefreshRotation.Repeated(grant, "sealed-" + winner));
        assertThat(store().findGrantByRefreshToken(winner, NOW)).contains(grant);
        for (int i = 0; i < Race.THREADS; i++) {
            if (!("next-" + i).equals(winner)) {
                assertThat(store().findGrantByRefreshToken("next-" + i, NOW))
                        .as("a repeater's token must never become current").isEmpty();
            }
        }
    }
}
