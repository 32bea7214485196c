package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import dev.mcpoauth.SigningKey;
import dev.mcpoauth.testing.TestValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two stores with separate connection pools on one Redis, as two server instances would have:
 * single use holds across them, and what one writes the other reads.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int THREADS = 32;
    private static final int ROUNDS = 10;

    private static final AtomicInteger TESTS = new AtomicInteger();

    private RedisTokenStore first;
    private RedisTokenStore second;

    @BeforeEach
    void openTwoInstances() {
        RedisStoreConfig config = RedisTestConfig.config(REDIS, "two-instances-" + TESTS.incrementAndGet() + ":").poolSize(THREADS).build();
        first = RedisTokenStore.open(config);
        second = RedisTokenStore.open(config);
        first.saveClient(TestValues.publicClient("shared-client"));
    }

    @AfterEach
    void closeBoth() {
        first.close();
        second.close();
    }

    private RedisTokenStore instance(int thread) {
        return thread % 2 == 0 ? first : second;
    }

    @Test
    void redeemOneCodeFromTwoInstancesThenExactlyOneRedeemed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String hash = "two-instance-code-" + round;
            first.saveAuthorizationCode(TestValues.code(hash, "shared-client", "g-" + round));
            List<CodeRedemption> results = race(i -> () -> instance(i).redeemAuthorizationCode(hash, NOW));
            assertThat(results).as("round %d: a code is single use across instances", round)
                    .filteredOn(r -> r instanceof CodeRedemption.Redeemed).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof CodeRedemption.Replayed).hasSize(THREADS - 1);
        }
    }

    @Test
    void rotateOneRefreshTokenFromTwoInstancesThenExactlyOneRotatedAndOnlyItsTokenIsCurrent() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Grant grant = TestValues.grant("two-instance-grant-" + round, "shared-client");
            String token = "raced-" + round;
            second.saveGrant(grant, token, NOW.plus(LONG));
            int r = round;
            List<RefreshRotation> results = race(i -> () ->
                    instance(i).rotateRefreshToken(token, "next-" + r + "-" + i, NOW.plus(LONG), NOW));
            List<Integer> winners = IntStream.range(0, THREADS)
                    .filter(i -> results.get(i) instanceof RefreshRotation.Rotated).boxed().toList();
            assertThat(winners).as("round %d: a refresh token rotates once across instances", round).hasSize(1);
            assertThat(results).filteredOn(x -> x instanceof RefreshRotation.Reused).hasSize(THREADS - 1);
            for (int i = 0; i < THREADS; i++) {
                assertThat(first.findGrantByRefreshToken("next-" + round + "-" + i, NOW).isPresent())
                        .as("only the winner's new token is current").isEqualTo(i == winners.getFirst());
            }
        }
    }

    @Test
    void refreshOneTokenWithGraceFromTwoInstancesThenOneRotatedAndEveryOtherRepeatsTheWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Grant grant = TestValues.grant("two-instance-grace-" + round, "shared-client");
            String token = "graced-" + round;
            second.saveGrant(grant, token, NOW.plus(LONG));
            int r = round;
            List<RefreshRotation> results = race(i -> () -> instance(i).rotateRefreshToken(token,
                    RefreshSuccessor.sealed("next-" + r + "-" + i, NOW.plus(LONG), "sealed-" + r + "-" + i),
                    NOW, Duration.ofSeconds(60)));
            List<Integer> winners = IntStream.range(0, THREADS)
                    .filter(i -> results.get(i) instanceof RefreshRotation.Rotated).boxed().toList();
            assertThat(winners).as("round %d: a refresh token rotates once across instances", round).hasSize(1);
            assertThat(results).filteredOn(x -> x instanceof RefreshRotation.Repeated).hasSize(THREADS - 1)
                    .containsOnly(new RefreshRotation.Repeated(grant, "sealed-" + round + "-" + winners.getFirst()));
        }
    }

    @Test
    void signingKeySavedByOneInstanceIsSeenByTheOther() {
        SigningKey key = TestValues.signingKey("shared-kid", NOW);
        first.saveSigningKey(key);
        assertThat(second.signingKeys(NOW)).containsExactly(key);
    }

    @Test
    void grantRevokedByOneInstanceIsRevokedForTheOther() {
        Grant grant = TestValues.grant("revoked-elsewhere", "shared-client");
        first.saveGrant(grant, "rt-revoked-elsewhere", NOW.plus(LONG));
        assertThat(second.revokeGrant(grant.grantId())).isTrue();
        assertThat(first.findGrant(grant.grantId())).contains(grant.asRevoked());
        assertThat(first.findGrantByRefreshToken("rt-revoked-elsewhere", NOW)).isEmpty();
        assertThat(first.revokeGrant(grant.grantId())).isFalse();
    }

    private static <T> List<T> race(IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                // A guard against a hang, not a timing assertion.
                results.add(f.get(1, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
