package dev.mcpoauth.store.redis;

import dev.mcpoauth.StorageException;
import dev.mcpoauth.store.redis.internal.RedisGateway;
import java.lang.System.Logger.Level;
import java.time.Duration;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/** Turns a {@link RedisStoreConfig} into Jedis' client and pool settings and opens the gateway. */
final class RedisConnector {

    private static final System.Logger LOG = System.getLogger(RedisConnector.class.getName());

    private RedisConnector() {
    }

    /**
     * Creates the pool and checks that Redis answers.
     *
     * @param config where and how to connect
     * @return the open gateway
     * @throws StorageException when Redis cannot be reached or refuses the credentials
     */
    static RedisGateway connect(RedisStoreConfig config) {
        int timeout = (int) config.timeout().toMillis();
        DefaultJedisClientConfig.Builder clientConfig = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout)
                .database(config.database()).clientName("mcp-oauth")
                // RESP2 fixed: no protocol negotiation (each fallback step would wait out the timeout
                // against an unresponsive server), and script replies of one fixed shape.
                .resp2()
                // CLIENT SETINFO exists from Redis 7.2 only; skipping it saves a round trip per connection.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (config.tls()) {
            // FULL: the server's certificate must chain to the JDK's trust store and match the host name.
            clientConfig.sslOptions(SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL).build());
        }
        config.user().ifPresent(clientConfig::user);
        config.password().ifPresent(clientConfig::password);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.poolSize());
        pool.setMaxIdle(config.poolSize());
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(config.timeout());
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        pool.setJmxEnabled(false);
        RedisClient client = RedisClient.builder().hostAndPort(config.host(), config.port())
                .clientConfig(clientConfig.build()).poolConfig(pool).build();
        String where = (config.tls() ? "rediss://" : "redis://") + config.host() + ":" + config.port() + "/"
                + config.database();
        RedisGateway gateway = RedisGateway.open(client, where);
        LOG.log(Level.INFO, "Redis token store connected to {0} (pool {1}, timeout {2} ms)", where,
                config.poolSize(), timeout);
        return gateway;
    }
}
