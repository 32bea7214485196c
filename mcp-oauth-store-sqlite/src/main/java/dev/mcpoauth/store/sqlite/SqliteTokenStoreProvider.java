package dev.mcpoauth.store.sqlite;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Provides {@link SqliteTokenStore} under the id {@value #ID}, at the default weight.
 *
 * <p>Settings it reads (all optional):
 * <ul>
 *   <li>{@value #PATH}: the database file, default {@value #DEFAULT_PATH} (relative to the working
 *       directory); created with its directories if missing.</li>
 *   <li>{@value #BUSY_TIMEOUT}: milliseconds a write waits for another writer, default 5000.</li>
 *   <li>{@value #POOL_SIZE}: the most connections open at once, default 8.</li>
 *   <li>{@value #SYNCHRONOUS}: {@code full} (default) or {@code normal}, see
 *       {@link SqliteStoreBuilder.Durability}.</li>
 * </ul>
 * As system properties they are prefixed {@code mcpoauth.}; as environment variables they are
 * upper case with underscores, e.g. {@code MCPOAUTH_DB_PATH}.
 */
public final class SqliteTokenStoreProvider implements TokenStoreProvider {

    /** The provider id. */
    public static final String ID = "sqlite";
    /** Setting: the database file. */
    public static final String PATH = "db.path";
    /** The default database file. */
    public static final String DEFAULT_PATH = "auth.db";
    /** Setting: the busy timeout in milliseconds. */
    public static final String BUSY_TIMEOUT = "db.busy.timeout.ms";
    /** Setting: the connection pool size. */
    public static final String POOL_SIZE = "db.pool.size";
    /** Setting: {@code full} or {@code normal}. */
    public static final String SYNCHRONOUS = "db.synchronous";

    /** Creates the provider; does no I/O. */
    public SqliteTokenStoreProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TokenStore create(ProviderSettings settings) {
        List<String> problems = new ArrayList<>();
        Path file = null;
        try {
            file = Path.of(settings.get(PATH, DEFAULT_PATH));
        } catch (InvalidPathException e) {
            problems.add(PATH + " is not a valid path: " + e.getMessage());
        }
        long busyMillis = number(settings, BUSY_TIMEOUT, SqliteStoreBuilder.DEFAULT_BUSY_TIMEOUT.toMillis(),
                Integer.MAX_VALUE, problems);
        long poolSize = number(settings, POOL_SIZE, SqliteStoreBuilder.DEFAULT_POOL_SIZE, 1024, problems);
        String synchronous = settings.get(SYNCHRONOUS, "full").trim().toLowerCase(Locale.ROOT);
        if (!synchronous.equals("full") && !synchronous.equals("normal")) {
            problems.add(SYNCHRONOUS + " must be full or normal, was '" + synchronous + "'");
        }
        if (!problems.isEmpty()) {
            throw new ProviderConfigurationException("the sqlite token store is misconfigured: "
                    + String.join("; ", problems));
        }
        return SqliteTokenStore.builder(file)
                .busyTimeout(Duration.ofMillis(busyMillis))
                .poolSize((int) poolSize)
                .durability(synchronous.equals("full") ? SqliteStoreBuilder.Durability.FULL
                        : SqliteStoreBuilder.Durability.NORMAL)
                .open();
    }

    private static long number(ProviderSettings settings, String key, long defaultValue, long max, List<String> problems) {
        String raw = settings.get(key).map(String::trim).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the range
        }
        problems.add(key + " must be a whole number from 1 to " + max + ", was '" + raw + "'");
        return defaultValue;
    }
}
