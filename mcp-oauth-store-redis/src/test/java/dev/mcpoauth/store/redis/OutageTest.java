package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.StorageException;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.testing.TestValues;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis goes away mid-run: every operation fails with {@link StorageException} in bounded time (no
 * hang), and the same store instance works again once Redis is back.
 */
class OutageTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** A liveness bound, not a performance target: "fails fast" means within a few timeouts, never a hang. */
    private static final long BOUND_MILLIS = 10 * TIMEOUT.toMillis();
    private static final String SECRET_HASH = "code-hash-that-must-not-leak";

    private RedisTokenStore store;

    @BeforeEach
    void open() {
        store = RedisTokenStore.open(RedisTestConfig.config(REDIS, "outage:").timeout(TIMEOUT).build());
        store.saveClient(TestValues.publicClient("outage-client"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void serverKilledThenEveryOperationFailsFastAndTheSameStoreWorksAfterRestart() throws Exception {
        REDIS.kill();
        Map<String, Long> latencies = failuresOfEveryKindOfOperation();
        System.out.println("[outage] server killed, failure latency in ms: " + latencies);

        REDIS.start();
        // The server kept nothing (no persistence): the same store instance works on the empty server.
        store.saveClient(TestValues.publicClient("after-restart"));
        assertThat(store.findClient("after-restart")).isPresent();
        store.saveAuthorizationCode(TestValues.code(SECRET_HASH, "after-restart", "g-after"));
        assertThat(store.redeemAuthorizationCode(SECRET_HASH, NOW)).isInstanceOf(CodeRedemption.Redeemed.class);
    }

    @Test
    void serverRestartedUnnoticedThenReadsWorkAtOnceAndAWriteFailsAtMostOnce() throws Exception {
        REDIS.kill();
        REDIS.start();
        // Every pooled connection is dead now; a read is retried once on a fresh connection.
        assertThat(store.findClient("outage-client")).as("the restarted server kept nothing").isEmpty();
        // A write is never retried (its reply may be lost after it ran), so one may fail: never more.
        Throwable first = catchThrowable(() -> store.saveClient(TestValues.publicClient("after-unnoticed-restart")));
        if (first != null) {
            assertThat(first).isInstanceOf(StorageException.class);
            store.saveClient(TestValues.publicClient("after-unnoticed-restart"));
        }
        assertThat(store.findClient("after-unnoticed-restart")).isPresent();
    }

    @Test
    void serverFrozenThenReadsAndWritesTimeOutAndTheStoreRecoversWhenItThaws() throws Exception {
        REDIS.signal("STOP");
        Map<String, Long> latencies = new LinkedHashMap<>();
        try {
            latencies.put("findClient", failureMillis(s -> s.findClient("outage-client")));
            latencies.put("revokeGrant", failureMillis(s -> s.revokeGrant("no-such-grant")));
        } finally {
            REDIS.signal("CONT");
        }
        System.out.println("[outage] server frozen, failure latency in ms: " + latencies);
        assertThat(store.findClient("outage-client")).as("the same store reads again once Redis answers").isPresent();
    }

    private Map<String, Long> failuresOfEveryKindOfOperation() {
        Map<String, Long> latencies = new LinkedHashMap<>();
        latencies.put("findClient", failureMillis(s -> s.findClient("outage-client")));
        latencies.put("saveClient", failureMillis(s -> s.saveClient(TestValues.publicClient("during-outage"))));
        latencies.put("redeemAuthorizationCode", failureMillis(s -> s.redeemAuthorizationCode(SECRET_HASH, NOW)));
        latencies.put("rotateRefreshToken", failureMillis(s -> s.rotateRefreshToken(SECRET_HASH, "new", NOW.plus(LONG), NOW)));
        latencies.put("findGrantByRefreshToken", failureMillis(s -> s.findGrantByRefreshToken(SECRET_HASH, NOW)));
        latencies.put("isAccessTokenRevoked", failureMillis(s -> s.isAccessTokenRevoked("jti")));
        latencies.put("signingKeys", failureMillis(s -> s.signingKeys(NOW)));
        latencies.put("purgeExpired", failureMillis(s -> s.purgeExpired(NOW)));
        return latencies;
    }

    private long failureMillis(Consumer<TokenStore> operation) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> operation.accept(store));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(thrown).as("an unreachable Redis is a StorageException, so the transport answers 503")
                .isInstanceOf(StorageException.class);
        assertThat(thrown.getMessage()).as("messages never carry a secret").doesNotContain(SECRET_HASH);
        assertThat(millis).as("liveness: the operation gave up instead of hanging").isLessThan(BOUND_MILLIS);
        return millis;
    }
}
