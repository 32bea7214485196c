package dev.mcpoauth.store.sqlite.internal;

import dev.mcpoauth.StorageException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One open SQLite file: its connection pool, Jdbi, and the two ways the store touches it.
 *
 * <p>{@link #read} runs single statements in auto-commit mode; under WAL they never wait for
 * writers. {@link #write} runs a whole operation inside a {@code BEGIN IMMEDIATE} transaction: it
 * takes SQLite's write lock up front (waiting up to the busy timeout for another process), so the
 * reads it makes cannot be invalidated by a concurrent writer and the operation commits entirely or
 * not at all. The writes of this process run one after another on one writer thread
 * ({@link GroupCommit}), never on the caller's thread, and those queued together share one
 * transaction. Every failure surfaces as {@link StorageException} whose message names the operation
 * and SQLite's error, never a bound value.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.mcpoauth.store.sqlite");

    private final Jdbi jdbi;
    private final ConnectionPool pool;
    private final GroupCommit commits;
    private volatile boolean closed;

    private Database(Jdbi jdbi, ConnectionPool pool, Duration busyTimeout) {
        this.jdbi = jdbi;
        this.pool = pool;
        this.commits = new GroupCommit(busyTimeout, this::runBatch);
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
        try (Handle h = configured(Jdbi.create(source)).open()) {
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
        Jdbi jdbi = configured(Jdbi.create(pool));
        jdbi.setStatementBuilderFactory(pool);
        return new Database(jdbi, pool, busyTimeout);
    }

    /** Our parameter parser, no templates, and exception messages without bound values. */
    private static Jdbi configured(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setSqlParser(new NamedParameters()).setTemplateEngine(TemplateEngine.NOP);
        // Jdbi's default exception messages include bound parameters, which are hashes here.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
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

    /**
     * Runs an operation that writes, in an immediate transaction shared with the other writes queued
     * at the same moment ({@link GroupCommit}), and returns its result once that transaction has
     * committed. In a shared transaction each operation runs under its own savepoint, so a failing
     * one is undone alone; a failed commit fails them all, and none of them is stored.
     */
    public <T> T write(String what, Function<Handle, T> work) {
        requireOpen();
        return commits.run(new PendingWrite<>(what, work));
    }

    /** The queue writes wait in; for tests. */
    GroupCommit commits() {
        return commits;
    }

    /** Runs a batch of writes in one transaction and completes each of them. */
    private void runBatch(List<PendingWrite<?>> batch) {
        try (Handle h = jdbi.open()) {
            boolean committed = false;
            try {
                h.execute("BEGIN IMMEDIATE");
                if (batch.size() == 1) {
                    batch.getFirst().stage(h);
                } else {
                    batch.forEach(write -> stageUnderSavepoint(h, write));
                }
                h.execute("COMMIT");
                committed = true;
                batch.forEach(PendingWrite::committed);
            } finally {
                if (!committed) {
                    rollbackQuietly(h);
                    pool.discard(h.getConnection());
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(write -> write.fail(failure(write.what(), e)));
        }
    }

    /** Runs one write of a shared transaction; its failure undoes its own changes and fails it alone. */
    private static void stageUnderSavepoint(Handle h, PendingWrite<?> write) {
        h.execute("SAVEPOINT write");
        try {
            write.stage(h);
        } catch (RuntimeException e) {
            // If SQLite cannot undo it, this throws and the whole transaction fails instead.
            h.execute("ROLLBACK TO write");
            write.fail(failure(write.what(), e));
        }
        h.execute("RELEASE write");
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

    /** Stops the writer (failing writes still queued) and closes the pool; idempotent. */
    @Override
    public void close() {
        closed = true;
        commits.close();
        pool.close();
    }
}
