/**
 * A TokenStore on a Redis server, shared by several server instances; provider id {@code redis}.
 *
 * <p>Settings: {@code redis.uri} ({@code redis://} or {@code rediss://}, default
 * {@code redis://127.0.0.1:6379}), {@code redis.user}, {@code redis.password}, {@code redis.database},
 * {@code redis.key-prefix} (default {@code mcpoauth:}), {@code redis.timeout} (ms, default 2000),
 * {@code redis.pool-size} (default 16) and {@code redis.expiry-grace} (default one hour). Needs a
 * standalone Redis (tested with 7.0; or the primary of a replicated one); Redis Cluster is not supported.
 */
module dev.mcpoauth.store.redis {
    requires transitive dev.mcpoauth;
    requires redis.clients.jedis;
    // Jedis is an automatic module and declares no requires, so `java -m` resolves only what we name
    // (the module-path smoke test checks it): its pool and its logging API are used on every call;
    // org.json appears in UnifiedJedis's own signatures. Gson is used only by Jedis's JSON and
    // multi-cluster packages, which this store never touches.
    requires org.apache.commons.pool2;
    requires org.slf4j;
    requires org.json;

    exports dev.mcpoauth.store.redis;

    provides dev.mcpoauth.spi.TokenStoreProvider with dev.mcpoauth.store.redis.RedisTokenStoreProvider;
}
