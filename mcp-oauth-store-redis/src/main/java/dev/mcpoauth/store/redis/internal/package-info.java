/**
 * Internals of the Redis store, not exported: the Jedis gateway, the Lua scripts (resources under
 * {@code lua/}), the record codec and the time-to-live policy.
 */
package dev.mcpoauth.store.redis.internal;
