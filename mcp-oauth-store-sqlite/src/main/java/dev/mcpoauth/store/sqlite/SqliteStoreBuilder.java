package dev.mcpoauth.store.sqlite;

import dev.mcpoauth.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures and opens a {@link SqliteTokenStore}. Not thread safe; {@link #open()} may be called
 * more than once, each time opening a new store on the same file.
 */
public final class SqliteStoreBuilder {

    /** The default {@link #busyTimeout(Duration)}: 5 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    /** The default {@link #poolSize(int)}. */
    public static final int DEFAULT_POOL_SIZE = 8;

    /** How hard SQLite makes each commit survive a power loss ({@code PRAGMA synchronous}). */
    public enum Durability {
        /** Every commit is fsynced: a redeemed code stays redeemed even after a power cut. The default. */
        FULL,
        /** WAL commits are fsynced at checkpoints only: faster, survives a process crash, may lose the last
         *  commits on power loss (a lost redemption could then be repeated once). */
        NORMAL
    }

    private final Path file;
    private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    private int poolSize = DEFAULT_POOL_SIZE;
    private Durability durability = Durability.FULL;

    SqliteStoreBuilder(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * How long a write waits for another writer (another process, or this one's queue) before it
     * fails with {@link StorageException}; SQLite's {@code busy_timeout}.
     *
     * @param timeout positive, at most {@link Integer#MAX_VALUE} milliseconds
     * @return this builder
     */
    public SqliteStoreBuilder busyTimeout(Duration timeout) {
        this.busyTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * The most connections open at once; callers beyond that wait for one.
     *
     * @param size at least 1
     * @return this builder
     */
    public SqliteStoreBuilder poolSize(int size) {
        this.poolSize = size;
        return this;
    }

    /**
     * How durable commits are.
     *
     * @param durability {@link Durability#FULL} by default
     * @return this builder
     */
    public SqliteStoreBuilder durability(Durability durability) {
        this.durability = Objects.requireNonNull(durability, "durability");
        return this;
    }

    /**
     * Opens the store: creates the parent directories and the file if missing, enables WAL and
     * migrates the schema.
     *
     * @return the open store, owned by the caller
     * @throws IllegalArgumentException listing every invalid setting
     * @throws StorageException         if the file cannot be created, opened or migrated
     */
    public SqliteTokenStore open() {
        List<String> problems = new ArrayList<>();
        if (busyTimeout.isNegative() || busyTimeout.isZero() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            problems.add("busy timeout must be positive and at most " + Integer.MAX_VALUE + " ms, was " + busyTimeout);
        }
        if (poolSize < 1) {
            problems.add("pool size must be at least 1, was " + poolSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("could not create the directory of the SQLite token store " + file, e);
        }
        return SqliteTokenStore.open(this);
    }

    Path file() {
        return file;
    }

    Duration busyTimeout() {
        return busyTimeout;
    }

    int poolSize() {
        return poolSize;
    }

    Durability durability() {
        return durability;
    }
}
