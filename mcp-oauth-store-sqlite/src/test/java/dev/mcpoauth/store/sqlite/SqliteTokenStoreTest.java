package dev.mcpoauth.store.sqlite;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.testing.TokenStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shared TokenStore contract against a real SQLite file per test. */
class SqliteTokenStoreTest extends TokenStoreContract {

    @TempDir
    Path dir;

    @Override
    protected TokenStore createStore() {
        return SqliteTokenStore.open(dir.resolve("contract.db"));
    }
}
