package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static dev.mcpoauth.testing.TestValues.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.Grant;
import dev.mcpoauth.testing.TestValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Every key the store writes has a time to live, except the documented ones (clients). */
class KeyExpiryTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String PREFIX = "ttl-audit:";
    private static final Duration GRACE = Duration.ofMinutes(10);

    private RedisTokenStore store;
    private RedisClient raw;

    @BeforeEach
    void open() {
        store = RedisTokenStore.open(RedisTestConfig.config(REDIS, PREFIX).expiryGrace(GRACE).build());
        raw = RedisClient.create("127.0.0.1", REDIS.port());
    }

    @AfterEach
    void close() {
        store.close();
        raw.close();
    }

    @Test
    void afterAWorkloadEveryKeyButClientsAndTheirIndexesHasATimeToLive() {
        runWorkload();
        Map<String, Long> ttls = ttlsOfEveryKey();
        assertThat(ttls).as("the workload wrote keys of every kind").hasSizeGreaterThan(20);
        List<String> persistent = ttls.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
        assertThat(persistent).as("only clients and the client indexes live until deleted; everything else must "
                        + "expire by itself")
                .containsExactlyInAnyOrder(PREFIX + "client:client-a", PREFIX + "client:client-b",
                        PREFIX + "clients:all", PREFIX + "clients:unused");
    }

    @Test
    void aRecordLivesInRedisForItsLifetimePlusTheGrace() {
        store.saveAuthorizationCode(TestValues.code("lifetime-code", "client-x", "g-x"));
        long ttl = raw.pttl(PREFIX + "code:lifetime-code");
        long expected = SHORT.plus(GRACE).toMillis();
        assertThat(ttl).as("measured from the code's issue time, not the server clock: the test's NOW is in the past")
                .isBetween(expected - Duration.ofMinutes(1).toMillis(), expected);
    }

    private void runWorkload() {
        for (String client : List.of("client-a", "client-b")) {
            store.saveClient(TestValues.confidentialClient(client));
            store.savePendingAuthorization(TestValues.pending("pending-" + client, client));
            store.savePendingAuthorization(TestValues.pending("removed-" + client, client));
            store.removePendingAuthorization("removed-" + client);
            store.saveAuthorizationCode(TestValues.code("code-" + client, client, "g-code-" + client));
            store.redeemAuthorizationCode("code-" + client, NOW);
            store.saveAuthorizationCode(TestValues.code("unused-" + client, client, "g-unused-" + client));
            Grant grant = TestValues.grant("grant-" + client, client);
            store.saveGrant(grant, "rt-1-" + client, NOW.plus(LONG));
            store.rotateRefreshToken("rt-1-" + client, "rt-2-" + client, NOW.plus(LONG), NOW);
            store.saveGrant(TestValues.grant("revoked-" + client, client), "rt-r-" + client, NOW.plus(LONG));
            store.revokeGrant("revoked-" + client);
        }
        store.saveClient(TestValues.publicClient("client-deleted"));
        store.saveGrant(TestValues.grant("grant-deleted", "client-deleted"), "rt-deleted", NOW.plus(LONG));
        store.deleteClient("client-deleted");
        store.revokeAccessToken("jti-1", NOW.plusSeconds(3600));
        store.saveSigningKey(TestValues.signingKey("kid-1", NOW));
        store.saveSigningKey(TestValues.signingKey("kid-old", NOW.minus(Duration.ofDays(3))));
        store.purgeExpired(NOW.plus(Duration.ofDays(1)));
    }

    private Map<String, Long> ttlsOfEveryKey() {
        Map<String, Long> ttls = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = raw.scan(cursor, new ScanParams().match("*").count(500));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        keys.forEach(k -> ttls.put(k, raw.pttl(k)));
        assertThat(keys).as("the store writes under its prefix only").allMatch(k -> k.startsWith(PREFIX));
        return ttls;
    }
}
