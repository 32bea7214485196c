package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import java.time.Duration;

/** Store configurations for the test server. */
final class RedisTestConfig {

    private RedisTestConfig() {
    }

    /** A configuration for {@code redis} with a key prefix of its own, so tests share nothing. */
    static RedisStoreConfig.Builder config(RedisServerExtension redis, String keyPrefix) {
        return RedisStoreConfig.builder().uri(redis.uri()).keyPrefix(keyPrefix)
                .timeout(Duration.ofMillis(500)).poolSize(8);
    }
}
