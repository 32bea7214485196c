package dev.mcpoauth.store.sqlite.internal;

import dev.mcpoauth.StorageException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One open SQLite file: its connection pool, Jdbi, and the two ways the store touches it.
 *
 * <p>{@link #read} runs single statements in auto-commit mode; under WAL they never wait for
 * writers. {@link #write} runs a whole operation in one {@code BEGIN IMMEDIATE} transaction: it
 * takes SQLite's write lock up front (waiting up to the busy timeout for another process), so the
 * reads it makes cannot be invalidated by a concurrent writer and the operation commits entirely or
 * not at all. Writers of this process first queue on a fair in-process lock, so that they never spin
 * in SQLite's busy handler against each other. Every failure surfaces as {@link StorageException}
 * whose message names the operation and SQLite's error, never a bound value.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.mcpoauth.store.sqlite");

    private final Jdbi jdbi;
    private final ConnectionPool pool;
    private final Duration busyTimeout;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile boolean closed;

    private Database(Jdbi jdbi, ConnectionPool pool, Duration busyTimeout) {
        this.jdbi = jdbi;
        this.pool = pool;
        this.busyTimeout = busyTimeout;
    }

    /** The most of the file SQLite maps into memory ({@code PRAGMA mmap_size}). */
    static final long MMAP_BYTES = 1024L * 1024 * 1024;
    /** Each connection's page cache in KiB ({@code PRAGMA cache_size}, negative means KiB). */
    static final int CACHE_KIB = 16 * 1024;

    /**
     * Opens (creating if needed) and migrates a database file.
     *
     * @param file            the database file; its directory must exist
     * @param busyTimeout     how long to wait for another process's write lock
     * @param poolSize        the most connections open at once
     * @param synchronousFull {@code PRAGMA synchronous=FULL} (else NORMAL)
     * @return the open database
     */
    public static Database open(Path file, Duration busyTimeout, int poolSize, boolean synchronousFull) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        config.setSynchronous(synchronousFull ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        // Reads on the bearer check's path look up one grant and one revocation by key among possibly
        // millions of rows: map the file (shared by every connection and process through the OS page
        // cache) and give each connection a larger page cache, so lookups stay flat as the store grows.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
        config.setCacheSize(-CACHE_KIB);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Handle h = Jdbi.open(source)) {
            String journalMode = Migrator.migrate(h);
            if (!"wal".equalsIgnoreCase(journalMode)) {
                LOG.log(System.Logger.Level.WARNING, "SQLite token store {0}: WAL is not available (journal mode "
                        + "{1}); readers will wait for writers", file, journalMode);
            }
            LOG.log(System.Logger.Level.INFO, "SQLite token store at {0}, schema version {1}, journal mode {2}",
                    file.toAbsolutePath(), Migrator.latestVersion(), journalMode);
        } catch (RuntimeException e) {
            throw failure("open and migrate the database file", e);
        }
        ConnectionPool pool = new ConnectionPool(source, poolSize);
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.setStatementBuilderFactory(pool);
        // Jdbi's default exception messages include bound parameters, which are hashes here.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return new Database(jdbi, pool, busyTimeout);
    }

    /** Runs statements that only read. */
    public <T> T read(String what, Function<Handle, T> work) {
        requireOpen();
        try (Handle h = jdbi.open()) {
            try {
                return work.apply(h);
            } catch (RuntimeException | Error e) {
                pool.discard(h.getConnection());
                throw e;
            }
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    /** Runs an operation that writes, in one immediate transaction, returning its result. */
    public <T> T write(String what, Function<Handle, T> work) {
        requireOpen();
        try {
            if (!writeLock.tryLock(busyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StorageException("SQLite token store could not " + what + ": still busy after "
                        + busyTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("SQLite token store could not " + what + ": interrupted", e);
        }
        try (Handle h = jdbi.open()) {
            boolean committed = false;
            try {
                h.execute("BEGIN IMMEDIATE");
                T result = work.apply(h);
                h.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(h);
                    pool.discard(h.getConnection());
                }
            }
        } catch (RuntimeException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs an operation that writes and returns nothing. */
    public void update(String what, Consumer<Handle> work) {
        write(what, h -> {
            work.accept(h);
            return null;
        });
    }

    static void rollbackQuietly(Handle h) {
        try {
            h.execute("ROLLBACK");
        } catch (RuntimeException ignored) {
            // No transaction was open (BEGIN failed) or SQLite already rolled back: nothing to undo.
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StorageException("the SQLite token store is closed");
        }
    }

    /**
     * Wraps a failure. The cause kept is the SQLException, whose text names tables and constraints
     * but never a bound value; Jdbi's own exceptions are dropped because their text may hold values.
     */
    private static StorageException failure(String what, RuntimeException e) {
        if (e instanceof StorageException storage) {
            return storage;
        }
        String prefix = "SQLite token store could not " + what + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return new StorageException(prefix + sql.getMessage(), sql);
            }
        }
        if (e instanceof JdbiException) {
            return new StorageException(prefix + e.getClass().getSimpleName());
        }
        // Our own and the API's validation messages, which name fields, not values.
        return new StorageException(prefix + e.getMessage(), e);
    }

    /** Closes the pool; idempotent. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
