package dev.mcpoauth.store.redis;

import static dev.mcpoauth.store.redis.RedisStoreConfig.DATABASE;
import static dev.mcpoauth.store.redis.RedisStoreConfig.PASSWORD;
import static dev.mcpoauth.store.redis.RedisStoreConfig.URI;
import static dev.mcpoauth.store.redis.RedisStoreConfig.USER;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed server address and credentials of a {@link RedisStoreConfig}.
 *
 * <p>Hand-written on {@link java.net.URI} rather than Jedis' {@code JedisURIHelper}, because that helper
 * throws on {@code redis://user@host} (a user without a password) and requires an explicit port, where
 * this reports every problem by setting name and defaults the port to 6379.
 *
 * @param host     the host name or address
 * @param port     the port, 6379 unless the URI names one
 * @param tls      whether the scheme is {@code rediss}
 * @param user     the ACL user, if any
 * @param password the password, if any; a secret
 * @param database the logical database number
 */
record RedisEndpoint(String host, int port, boolean tls, Optional<String> user, Optional<String> password,
                            int database) {

    /**
     * Parses a {@code redis://} or {@code rediss://} URI; the explicit settings override its parts.
     *
     * @param problems receives every problem found, never the URI itself, which may hold a password
     * @return the endpoint, or empty when any problem was found
     */
    static Optional<RedisEndpoint> parse(String uri, Optional<String> user, Optional<String> password,
                                         Optional<Integer> database, List<String> problems) {
        java.net.URI parsed;
        try {
            parsed = new java.net.URI(uri.strip());
        } catch (URISyntaxException e) {
            // Never echo the URI: it may carry a password.
            problems.add(URI + " is not a valid URI; expected redis://[user:password@]host[:port][/database]");
            return Optional.empty();
        }
        String scheme = Optional.ofNullable(parsed.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            problems.add(URI + " must start with redis:// or rediss:// (TLS)");
        }
        if (parsed.getHost() == null) {
            problems.add(URI + " must name a host, as in redis://127.0.0.1:6379");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            problems.add(URI + " takes no query or fragment; use the " + USER + ", " + PASSWORD + " and "
                    + DATABASE + " settings");
        }
        String info = Optional.ofNullable(parsed.getUserInfo()).orElse("");
        int colon = info.indexOf(':');
        Optional<String> uriUser = Optional.of(colon < 0 ? info : info.substring(0, colon)).filter(u -> !u.isEmpty());
        Optional<String> uriPassword = colon < 0 ? Optional.empty() : Optional.of(info.substring(colon + 1));
        Optional<String> finalUser = user.or(() -> uriUser);
        Optional<String> finalPassword = password.or(() -> uriPassword);
        if (finalUser.isPresent() && finalPassword.isEmpty()) {
            problems.add(USER + " needs " + PASSWORD + ": Redis authenticates a user with a password");
        }
        int db = database.orElseGet(() -> databaseFromPath(parsed.getPath(), problems));
        if (db < 0) {
            problems.add(DATABASE + " must not be negative, got " + db);
        }
        return problems.isEmpty() ? Optional.of(new RedisEndpoint(parsed.getHost(),
                parsed.getPort() < 0 ? 6379 : parsed.getPort(), scheme.equals("rediss"), finalUser, finalPassword, db))
                : Optional.empty();
    }

    private static int databaseFromPath(String path, List<String> problems) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            problems.add(URI + " path must be a database number, as in redis://host:6379/2");
            return 0;
        }
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "RedisEndpoint[" + (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database + "]";
    }
}
