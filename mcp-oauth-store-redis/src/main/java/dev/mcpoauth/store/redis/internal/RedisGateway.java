package dev.mcpoauth.store.redis.internal;

import dev.mcpoauth.StorageException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The store's one door to Redis: a pooled Jedis client whose failures all become
 * {@link StorageException}, with bounded waits everywhere.
 *
 * <p>Every wait is bounded by the configured timeout: connecting, reading a reply and waiting for a
 * pooled connection. When Redis is unreachable an operation fails within a few timeouts, never
 * hangs (measured with a 500 ms timeout: a refused connection fails in about 1 ms; against a frozen
 * server a write fails in one timeout and a read, retried once, in two or three). The pool
 * reconnects by itself once Redis is back: a connection failure discards the idle connections, which
 * may all be dead, and idle connections are also tested every 30 seconds.
 *
 * <p>Reads are retried once after a connection failure, since repeating them is harmless; writes are
 * never retried, because a write whose reply was lost may have been applied. A script runs entirely
 * or not at all, so a failed write never leaves half of its keys written. Thread safe.
 */
public final class RedisGateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisGateway.class.getName());

    private final RedisClient client;
    private final String where;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisGateway(RedisClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /**
     * Opens a gateway on a pooled client and checks that Redis answers.
     *
     * @param client the pooled client, built with bounded timeouts
     * @param where  where it connects, for messages: {@code redis://host:port/db}, never a password
     * @return the open gateway
     * @throws StorageException when Redis cannot be reached or refuses the credentials
     */
    public static RedisGateway open(RedisClient client, String where) {
        RedisGateway gateway = new RedisGateway(client, where);
        try {
            gateway.command("connecting", true, UnifiedJedis::ping);
        } catch (StorageException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    /**
     * Runs a script by its SHA-1, sending its source only when the server does not have it cached
     * (first use, or after a restart).
     *
     * @param what       what the store was doing, for the exception message; never a secret
     * @param script     the script
     * @param args       its arguments, the key prefix first
     * @param idempotent whether running it twice is harmless, so a connection failure may be retried
     * @return the script's reply
     */
    public Object script(String what, Script script, List<String> args, boolean idempotent) {
        return command(what, idempotent, redis -> {
            try {
                return redis.evalsha(script.sha(), List.of(), args);
            } catch (JedisNoScriptException e) {
                // NOSCRIPT means the script did not run: sending the source is safe.
                return redis.eval(script.source(), List.of(), args);
            }
        });
    }

    /**
     * Runs commands on a pooled connection.
     *
     * @param what       what the store was doing, for the exception message; never a secret
     * @param idempotent whether running it twice is harmless, so a connection failure may be retried
     * @param operation  the commands
     * @param <T>        the result type
     * @return the result
     */
    public <T> T command(String what, boolean idempotent, Function<UnifiedJedis, T> operation) {
        if (closed.get()) {
            throw new StorageException("the Redis token store is closed (while " + what + ")");
        }
        try {
            return attempt(what, operation);
        } catch (JedisConnectionException e) {
            if (!idempotent || closed.get()) {
                throw unreachable(what, e);
            }
            LOG.log(Level.DEBUG, "retrying after a connection failure while {0}", what);
            try {
                return attempt(what, operation);
            } catch (JedisConnectionException again) {
                throw unreachable(what, again);
            }
        }
    }

    private <T> T attempt(String what, Function<UnifiedJedis, T> operation) {
        try {
            return operation.apply(client);
        } catch (JedisConnectionException e) {
            // The idle connections may all be dead (server restarted): drop them so new ones are opened.
            client.getPool().clear();
            throw e;
        } catch (JedisException | IllegalStateException e) {
            // Jedis messages carry server errors and addresses, never our arguments.
            throw new StorageException("Redis failed while " + what + ": " + e.getMessage(), e);
        }
    }

    private StorageException unreachable(String what, JedisConnectionException e) {
        return new StorageException("Redis at " + where + " is unreachable while " + what, e);
    }

    /** Closes the pool; later calls throw {@link StorageException}. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }
}
