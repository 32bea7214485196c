/**
 * A TokenStore on a Redis server, for more than one instance; provider id {@code redis}.
 *
 * <p>{@link dev.mcpoauth.store.redis.RedisTokenStore} is the store,
 * {@link dev.mcpoauth.store.redis.RedisStoreConfig} says where and how it connects, and
 * {@link dev.mcpoauth.store.redis.RedisTokenStoreProvider} creates it from {@code redis.*} settings
 * when the engine discovers stores through {@link java.util.ServiceLoader}.
 */
package dev.mcpoauth.store.redis;
