package dev.mcpoauth.benchmarks;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.core.InMemoryTokenStore;
import dev.mcpoauth.store.sqlite.SqliteStoreBuilder;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The stores a benchmark can run against, named as in its {@code @Param}: {@code memory}, {@code sqlite}
 * (the defaults users get: WAL, {@code synchronous=FULL}, so every commit is fsynced) and
 * {@code sqlite-normal} ({@code synchronous=NORMAL}: fsync only at checkpoints).
 */
enum StoreKind {
    MEMORY("memory"),
    SQLITE("sqlite"),
    SQLITE_NORMAL("sqlite-normal");

    private final String param;

    StoreKind(String param) {
        this.param = param;
    }

    /** The kind named by a {@code @Param} value. */
    static StoreKind of(String param) {
        for (StoreKind kind : values()) {
            if (kind.param.equals(param)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown store " + param + "; use memory, sqlite or sqlite-normal");
    }

    /** An open, empty store, and the file it lives in when it has one. */
    record Opened(TokenStore store, Optional<Path> file) implements AutoCloseable {

        /** Closes the store and deletes its file. */
        @Override
        public void close() {
            store.close();
            file.ifPresent(BenchFiles::deleteDb);
        }
    }

    /** Opens a new, empty store of this kind; SQLite files go to a scratch file under {@code target/bench-db}. */
    Opened openEmpty() {
        if (this == MEMORY) {
            return new Opened(new InMemoryTokenStore(), Optional.empty());
        }
        Path file = BenchFiles.scratchDb("scratch-" + param);
        return new Opened(openSqlite(file), Optional.of(file));
    }

    /** Opens a SQLite store of this kind's durability on an existing or new file. */
    SqliteTokenStore openSqlite(Path file) {
        SqliteStoreBuilder.Durability durability = this == SQLITE_NORMAL
                ? SqliteStoreBuilder.Durability.NORMAL : SqliteStoreBuilder.Durability.FULL;
        return SqliteTokenStore.builder(file).durability(durability).open();
    }
}
