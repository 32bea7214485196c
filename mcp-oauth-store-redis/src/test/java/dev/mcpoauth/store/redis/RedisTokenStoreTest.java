package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.testing.TokenStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the shared {@link TokenStoreContract} against a real redis-server; each test gets a key
 * prefix of its own, so it starts from an empty store.
 */
class RedisTokenStoreTest extends TokenStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger TESTS = new AtomicInteger();

    @Override
    protected TokenStore createStore() {
        return RedisTokenStore.open(RedisTestConfig.config(REDIS, "contract-" + TESTS.incrementAndGet() + ":").build());
    }
}
