package dev.mcpoauth.store.redis;

import dev.mcpoauth.spi.ProviderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link RedisTokenStore} talks to Redis: the server, credentials, key prefix,
 * timeouts, pool size and how long expired records may linger.
 *
 * <p>Built with {@link #builder()} or {@link #fromSettings(ProviderSettings)}; {@link Builder#build()}
 * reports every problem at once. Immutable and thread safe; {@link #toString()} never shows the
 * password.
 */
public final class RedisStoreConfig {

    /** Setting {@code redis.uri}: {@code redis://[user:password@]host[:port][/database]}, or {@code rediss://} for TLS. */
    public static final String URI = "redis.uri";
    /** Setting {@code redis.user}: the ACL user; overrides the URI's. */
    public static final String USER = "redis.user";
    /** Setting {@code redis.password}: the password; overrides the URI's. */
    public static final String PASSWORD = "redis.password";
    /** Setting {@code redis.database}: the logical database number; overrides the URI's path. */
    public static final String DATABASE = "redis.database";
    /** Setting {@code redis.key-prefix}: prepended to every key the store writes (default {@code mcpoauth:}). */
    public static final String KEY_PREFIX = "redis.key-prefix";
    /** Setting {@code redis.timeout}: connect, read and pool-wait timeout, in milliseconds or ISO-8601 (default 2000). */
    public static final String TIMEOUT = "redis.timeout";
    /** Setting {@code redis.pool-size}: the most connections one store holds (default 16). */
    public static final String POOL_SIZE = "redis.pool-size";
    /** Setting {@code redis.expiry-grace}: how long Redis keeps a record past its expiry, in ms or ISO-8601 (default 1 h). */
    public static final String EXPIRY_GRACE = "redis.expiry-grace";

    private final RedisEndpoint endpoint;
    private final String keyPrefix;
    private final Duration timeout;
    private final int poolSize;
    private final Duration expiryGrace;
    private final Builder source;

    private RedisStoreConfig(Builder b, RedisEndpoint endpoint) {
        this.endpoint = endpoint;
        this.keyPrefix = b.keyPrefix;
        this.timeout = b.timeout;
        this.poolSize = b.poolSize;
        this.expiryGrace = b.expiryGrace;
        this.source = b.copy();
    }

    /** A builder with every default: {@code redis://127.0.0.1:6379}, database 0, prefix {@code mcpoauth:}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder filled from provider settings (the {@code redis.*} keys of this class). Values that
     * cannot be parsed are reported, with every other problem, by {@link Builder#build()}.
     *
     * @param settings the settings
     * @return the builder
     */
    public static Builder fromSettings(ProviderSettings settings) {
        Builder b = new Builder();
        settings.get(URI).ifPresent(b::uri);
        settings.get(USER).ifPresent(b::user);
        settings.get(PASSWORD).ifPresent(b::password);
        settings.get(KEY_PREFIX).ifPresent(b::keyPrefix);
        settings.get(DATABASE).ifPresent(v -> b.parseInt(DATABASE, v).ifPresent(b::database));
        settings.get(POOL_SIZE).ifPresent(v -> b.parseInt(POOL_SIZE, v).ifPresent(b::poolSize));
        settings.get(TIMEOUT).ifPresent(v -> b.parseDuration(TIMEOUT, v).ifPresent(b::timeout));
        settings.get(EXPIRY_GRACE).ifPresent(v -> b.parseDuration(EXPIRY_GRACE, v).ifPresent(b::expiryGrace));
        return b;
    }

    /** The server's host name or address. */
    public String host() {
        return endpoint.host();
    }

    /** The server's port. */
    public int port() {
        return endpoint.port();
    }

    /** Whether the connection uses TLS ({@code rediss://}). */
    public boolean tls() {
        return endpoint.tls();
    }

    /** The ACL user, if any. */
    public Optional<String> user() {
        return endpoint.user();
    }

    /** The password, if any; a secret. */
    public Optional<String> password() {
        return endpoint.password();
    }

    /** The logical database number. */
    public int database() {
        return endpoint.database();
    }

    /** The prefix of every key the store writes. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The connect, read and pool-wait timeout: no operation blocks much longer than a few of these. */
    public Duration timeout() {
        return timeout;
    }

    /** The most pooled connections one store holds. */
    public int poolSize() {
        return poolSize;
    }

    /**
     * How long Redis keeps a record past its expiry before deleting it by itself; until then
     * {@link RedisTokenStore#purgeExpired} deletes and counts it.
     */
    public Duration expiryGrace() {
        return expiryGrace;
    }

    /** A builder holding this configuration, to derive another one. */
    public Builder toBuilder() {
        return source.copy();
    }

    /** Describes the configuration without its password. */
    @Override
    public String toString() {
        return "RedisStoreConfig[" + (tls() ? "rediss://" : "redis://") + host() + ":" + port() + "/" + database()
                + ", user=" + user().orElse("(default)") + ", password=" + (password().isPresent() ? "****" : "(none)")
                + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout + ", poolSize=" + poolSize
                + ", expiryGrace=" + expiryGrace + "]";
    }

    /** Collects settings; {@link #build()} checks them all and reports every problem in one exception. */
    public static final class Builder {

        private String uri = "redis://127.0.0.1:6379";
        private Optional<String> user = Optional.empty();
        private Optional<String> password = Optional.empty();
        private Optional<Integer> database = Optional.empty();
        private String keyPrefix = "mcpoauth:";
        private Duration timeout = Duration.ofSeconds(2);
        private int poolSize = 16;
        private Duration expiryGrace = Duration.ofHours(1);
        private final List<String> parseProblems = new ArrayList<>();

        private Builder() {
        }

        /** Sets the server URI ({@value RedisStoreConfig#URI}). */
        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Sets the ACL user ({@value RedisStoreConfig#USER}), overriding the URI's. */
        public Builder user(String user) {
            this.user = Optional.of(Objects.requireNonNull(user, "user"));
            return this;
        }

        /** Sets the password ({@value RedisStoreConfig#PASSWORD}), overriding the URI's. */
        public Builder password(String password) {
            this.password = Optional.of(Objects.requireNonNull(password, "password"));
            return this;
        }

        /** Sets the database number ({@value RedisStoreConfig#DATABASE}), overriding the URI's. */
        public Builder database(int database) {
            this.database = Optional.of(database);
            return this;
        }

        /** Sets the key prefix ({@value RedisStoreConfig#KEY_PREFIX}); stores with different prefixes share nothing. */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
            return this;
        }

        /** Sets the connect, read and pool-wait timeout ({@value RedisStoreConfig#TIMEOUT}). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Sets the most pooled connections ({@value RedisStoreConfig#POOL_SIZE}). */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /** Sets how long Redis keeps a record past its expiry ({@value RedisStoreConfig#EXPIRY_GRACE}). */
        public Builder expiryGrace(Duration expiryGrace) {
            this.expiryGrace = Objects.requireNonNull(expiryGrace, "expiryGrace");
            return this;
        }

        /**
         * Checks every setting and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming every wrong setting, never showing the password
         */
        public RedisStoreConfig build() {
            List<String> problems = new ArrayList<>(parseProblems);
            Optional<RedisEndpoint> endpoint = RedisEndpoint.parse(uri, user, password, database, problems);
            if (keyPrefix.isEmpty()) {
                problems.add(KEY_PREFIX + " must not be empty: it keeps this store's keys apart from others'");
            }
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                problems.add(TIMEOUT + " must be positive and under 24 days, got " + timeout);
            }
            if (poolSize < 1) {
                problems.add(POOL_SIZE + " must be at least 1, got " + poolSize);
            }
            if (expiryGrace.isNegative()) {
                problems.add(EXPIRY_GRACE + " must not be negative, got " + expiryGrace);
            }
            if (!problems.isEmpty() || endpoint.isEmpty()) {
                throw new IllegalArgumentException("invalid Redis store configuration: " + String.join("; ", problems));
            }
            return new RedisStoreConfig(this, endpoint.get());
        }

        private Builder copy() {
            Builder b = new Builder();
            b.uri = uri;
            b.user = user;
            b.password = password;
            b.database = database;
            b.keyPrefix = keyPrefix;
            b.timeout = timeout;
            b.poolSize = poolSize;
            b.expiryGrace = expiryGrace;
            return b;
        }

        private Optional<Integer> parseInt(String key, String value) {
            try {
                return Optional.of(Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                parseProblems.add(key + " must be a whole number, got '" + value + "'");
                return Optional.empty();
            }
        }

        private Optional<Duration> parseDuration(String key, String value) {
            String v = value.strip();
            try {
                return Optional.of(v.toUpperCase(Locale.ROOT).startsWith("P")
                        ? Duration.parse(v) : Duration.ofMillis(Long.parseLong(v)));
            } catch (RuntimeException e) {
                parseProblems.add(key + " must be milliseconds or an ISO-8601 duration such as PT2S, got '" + value + "'");
                return Optional.empty();
            }
        }
    }
}
