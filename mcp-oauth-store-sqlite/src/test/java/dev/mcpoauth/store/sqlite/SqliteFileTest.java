package dev.mcpoauth.store.sqlite;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.StorageException;
import dev.mcpoauth.testing.TestValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a file-backed store has: persistence, WAL, schema migration, a shared new file. */
class SqliteFileTest {

    @TempDir
    Path dir;

    @Test
    void reopenWhenClosedThenDataSurvives() {
        Path file = dir.resolve("persist.db");
        RegisteredClient client = TestValues.confidentialClient("survivor");
        try (SqliteTokenStore store = SqliteTokenStore.open(file)) {
            store.saveClient(client);
            store.saveGrant(TestValues.grant("g", "survivor"), "rt", NOW.plus(TestValues.LONG));
        }
        try (SqliteTokenStore store = SqliteTokenStore.open(file)) {
            assertThat(store.findClient("survivor")).contains(client);
            assertThat(store.findGrantByRefreshToken("rt", NOW)).isPresent();
        }
    }

    @Test
    void openWhenNewFileThenWalIsOnAndSchemaIsLatest() throws Exception {
        Path file = dir.resolve("nested/dirs/new.db");
        SqliteTokenStore.open(file).close();
        assertThat(RawSqlite.text(file, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(RawSqlite.text(file, "PRAGMA user_version")).isEqualTo("3");
        assertThat(RawSqlite.text(file, "SELECT group_concat(version || ':' || name) FROM schema_history"))
                .isEqualTo("1:V1__initial_schema.sql,2:V2__client_last_used.sql,3:V3__refresh_reuse_grace.sql");
    }

    @Test
    void openWhenEmptyFileExistsThenMigratesIt() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (SqliteTokenStore store = SqliteTokenStore.open(file)) {
            store.saveClient(TestValues.publicClient("first"));
            assertThat(store.findClient("first")).isPresent();
        }
        assertThat(RawSqlite.text(file, "PRAGMA user_version")).isEqualTo("3");
    }

    @Test
    void reopenWhenAlreadyMigratedThenAppliesNothingAgain() throws Exception {
        Path file = dir.resolve("twice.db");
        SqliteTokenStore.open(file).close();
        SqliteTokenStore.open(file).close();
        assertThat(RawSqlite.text(file, "SELECT count(*) FROM schema_history")).isEqualTo("3");
    }

    @Test
    void openWhenSchemaIsNewerThanThisLibraryThenFailsClearly() throws Exception {
        Path file = dir.resolve("future.db");
        SqliteTokenStore.open(file).close();
        RawSqlite.execute(file, "PRAGMA user_version = 99");
        assertThatThrownBy(() -> SqliteTokenStore.open(file))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void openWhenFileIsNotADatabaseThenStorageException() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "this is not a database, just words ".repeat(200));
        assertThatThrownBy(() -> SqliteTokenStore.open(file)).isInstanceOf(StorageException.class);
    }

    @Test
    void openWhenManyStoresOpenOneNewFileAtOnceThenAllSucceedAndMigrateOnce() throws Exception {
        Path file = dir.resolve("stampede.db");
        int stores = 8;
        CyclicBarrier gate = new CyclicBarrier(stores);
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        List<Future<SqliteTokenStore>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < stores; i++) {
                opened.add(pool.submit(() -> {
                    gate.await();
                    return SqliteTokenStore.open(file);
                }));
            }
            for (Future<SqliteTokenStore> store : opened) {
                store.get(2, TimeUnit.MINUTES).close();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(RawSqlite.text(file, "SELECT count(*) FROM schema_history"))
                .as("each migration ran exactly once").isEqualTo("3");
        assertThat(RawSqlite.text(file, "PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void failedWriteWhenAnyStatementFailsThenChangesNothing() {
        try (SqliteTokenStore store = SqliteTokenStore.open(dir.resolve("atomic.db"))) {
            store.saveClient(TestValues.publicClient("c"));
            store.saveGrant(TestValues.grant("g-1", "c"), "taken-hash", NOW.plus(TestValues.LONG));
            assertThatThrownBy(() -> store.saveGrant(TestValues.grant("g-2", "c"), "taken-hash", NOW.plus(TestValues.LONG)))
                    .isInstanceOf(StorageException.class);
            assertThat(store.findGrant("g-2")).as("the grant insert was rolled back with the token insert").isEmpty();

            assertThatThrownBy(() -> store.rotateRefreshToken("taken-hash", "taken-hash", NOW.plus(TestValues.LONG), NOW))
                    .isInstanceOf(StorageException.class);
            assertThat(store.findGrantByRefreshToken("taken-hash", NOW))
                    .as("the failed rotation left the presented token current").isPresent();
        }
    }

    @Test
    void storageExceptionWhenWriteFailsThenNoMessageInTheChainContainsTheHash() {
        try (SqliteTokenStore store = SqliteTokenStore.open(dir.resolve("leak.db"))) {
            store.saveClient(TestValues.publicClient("c"));
            store.saveAuthorizationCode(TestValues.code("code-hash-SECRET1234", "c", "g"));
            Throwable thrown = null;
            try {
                store.saveAuthorizationCode(TestValues.code("code-hash-SECRET1234", "c", "g"));
            } catch (StorageException e) {
                thrown = e;
            }
            assertThat(thrown).as("a duplicate code hash must be refused").isNotNull();
            assertThat(thrown.getMessage()).contains("save an authorization code");
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("SECRET1234");
                assertThat(t.toString()).doesNotContain("SECRET1234");
            }
        }
    }

    @Test
    void openWhenFileHasSchemaVersion1ThenMigratesAndCountsItsClientsAsUsed() throws Exception {
        Path file = dir.resolve("v1.db");
        String v1 = new String(SqliteFileTest.class.getResourceAsStream(
                "/dev/mcpoauth/store/sqlite/internal/migrations/V1__initial_schema.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String statement : v1.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                RawSqlite.execute(file, statement);
            }
        }
        RawSqlite.execute(file, "INSERT INTO clients (client_id, issued_at, redirect_uris, grant_types, auth_method, "
                + "scopes) VALUES ('old-client', 1000, '[\"http://127.0.0.1/cb\"]', '[\"authorization_code\"]', 'none', '[]')");
        RawSqlite.execute(file, "PRAGMA user_version = 1");

        try (SqliteTokenStore store = SqliteTokenStore.open(file)) {
            assertThat(store.countClients()).isEqualTo(1);
            assertThat(store.unusedClients(NOW, 10))
                    .as("a client from before the upgrade may be in use: it is never evicted").isEmpty();
            assertThat(store.findClient("old-client")).isPresent();
        }
        assertThat(RawSqlite.text(file, "PRAGMA user_version")).isEqualTo("3");
    }
}
