package dev.mcpoauth.store.redis;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;

/**
 * Provides {@link RedisTokenStore} under the id {@code redis}, at {@link #WEIGHT}, below the default:
 * when both store modules are on the path, the embedded SQLite store stays the default, and Redis is
 * chosen by id ({@code -Dmcpoauth.store=redis}, {@code MCPOAUTH_STORE=redis} or the builder), because
 * it needs a server that a bare module path cannot promise.
 *
 * <p>Reads the settings named in {@link RedisStoreConfig}: {@code redis.uri}, {@code redis.user},
 * {@code redis.password}, {@code redis.database}, {@code redis.key-prefix}, {@code redis.timeout},
 * {@code redis.pool-size} and {@code redis.expiry-grace}. Constructing the provider does no I/O.
 */
public final class RedisTokenStoreProvider implements TokenStoreProvider {

    /** The provider id. */
    public static final String ID = "redis";

    /** For {@link java.util.ServiceLoader}. */
    public RedisTokenStoreProvider() {
    }

    /** The weight: {@link #DEFAULT_WEIGHT} minus 50, so that the embedded default wins when nobody chooses. */
    public static final int WEIGHT = DEFAULT_WEIGHT - 50;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int weight() {
        return WEIGHT;
    }

    /**
     * Connects to Redis.
     *
     * @throws ProviderConfigurationException naming every wrong setting at once
     * @throws dev.mcpoauth.StorageException  when Redis cannot be reached
     */
    @Override
    public TokenStore create(ProviderSettings settings) {
        RedisStoreConfig config;
        try {
            config = RedisStoreConfig.fromSettings(settings).build();
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException(e.getMessage(), e);
        }
        return RedisTokenStore.open(config);
    }
}
