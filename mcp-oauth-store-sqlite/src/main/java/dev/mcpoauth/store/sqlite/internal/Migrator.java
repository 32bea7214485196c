package dev.mcpoauth.store.sqlite.internal;

import dev.mcpoauth.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Brings a database file to the latest schema version.
 *
 * <p>The version lives in SQLite's {@code PRAGMA user_version} (0 for a new file); each applied
 * migration is also recorded in {@code schema_history}. Migration {@code n} is the SQL resource
 * {@code migrations/V<n>__*.sql} named at index {@code n-1} of {@link #MIGRATIONS}. All pending
 * migrations and the version bump run in one {@code BEGIN IMMEDIATE} transaction, so a crash leaves
 * the old version, and two processes opening a new file at once serialise on SQLite's write lock:
 * the second re-reads the version inside its transaction and finds nothing left to do.
 */
final class Migrator {

    private static final System.Logger LOG = System.getLogger("dev.mcpoauth.store.sqlite");

    /** Applied in order; never edit or reorder a released entry, only append. */
    static final List<String> MIGRATIONS = List.of("V1__initial_schema.sql", "V2__client_last_used.sql",
            "V3__refresh_reuse_grace.sql");

    private Migrator() {
    }

    /** The schema version this code writes and reads. */
    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /**
     * Switches the file to WAL and applies the missing migrations.
     *
     * @return the journal mode the file is in afterwards, e.g. {@code wal}
     */
    static String migrate(Handle h) {
        // Persistent per file; on a new file it needs a moment of exclusive access, which the busy
        // timeout waits for when another process is doing the same.
        String journalMode = h.createQuery("PRAGMA journal_mode=WAL").map((rs, ctx) -> rs.getString(1)).one();
        if (userVersion(h) == latestVersion()) {
            return journalMode;
        }
        h.execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            int version = userVersion(h);
            if (version > latestVersion()) {
                throw new StorageException("the database has schema version " + version + ", newer than the "
                        + latestVersion() + " this mcp-oauth-store-sqlite understands: upgrade the library, or "
                        + "point db.path at another file");
            }
            h.execute("CREATE TABLE IF NOT EXISTS schema_history (version INTEGER NOT NULL PRIMARY KEY, "
                    + "name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT");
            for (int next = version + 1; next <= latestVersion(); next++) {
                String name = MIGRATIONS.get(next - 1);
                runScript(h, name);
                h.createUpdate("INSERT INTO schema_history (version, name, applied_at) VALUES (:v, :n, :t)")
                        .bind("v", next).bind("n", name).bind("t", Instant.now().toEpochMilli()).execute();
                LOG.log(System.Logger.Level.INFO, "SQLite token store: applied schema migration {0}", name);
            }
            // PRAGMA takes no bind parameters; the value is our own integer.
            h.execute("PRAGMA user_version = " + latestVersion());
            h.execute("COMMIT");
            committed = true;
        } finally {
            if (!committed) {
                Database.rollbackQuietly(h);
            }
        }
        return journalMode;
    }

    static int userVersion(Handle h) {
        return h.createQuery("PRAGMA user_version").map((rs, ctx) -> rs.getInt(1)).one();
    }

    /**
     * Runs a migration script through SQLite's own multi-statement execution ({@code sqlite3_exec},
     * which sqlite-jdbc uses for a plain statement's update), inside the migration's transaction.
     */
    private static void runScript(Handle h, String name) {
        try (Statement statement = h.getConnection().createStatement()) {
            statement.executeUpdate(resource(name));
        } catch (SQLException e) {
            throw new StorageException("schema migration " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Migrator.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new StorageException("schema migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read schema migration " + name, e);
        }
    }
}
