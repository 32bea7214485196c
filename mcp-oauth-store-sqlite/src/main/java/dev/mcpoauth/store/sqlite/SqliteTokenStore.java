package dev.mcpoauth.store.sqlite;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.SigningKey;
import dev.mcpoauth.StorageException;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.store.sqlite.internal.AuthorizationRows;
import dev.mcpoauth.store.sqlite.internal.ClientRows;
import dev.mcpoauth.store.sqlite.internal.Database;
import dev.mcpoauth.store.sqlite.internal.GrantRows;
import dev.mcpoauth.store.sqlite.internal.KeyRows;
import dev.mcpoauth.store.sqlite.internal.Purge;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TokenStore} in one SQLite file: the embedded default store (provider id {@code sqlite}).
 *
 * <p>Opening creates the file if needed, switches it to WAL, and migrates its schema (versioned by
 * {@code PRAGMA user_version}, recorded in {@code schema_history}). Several stores, in one process or
 * in several, may share a file: every write runs in a {@code BEGIN IMMEDIATE} transaction, so the
 * single-use guarantees of {@link TokenStore} hold across all of them, and a store waits up to its
 * busy timeout for another's write lock before failing with {@link StorageException}.
 *
 * <p>Instants are stored as epoch milliseconds; finer precision is truncated. Thread safe.
 */
public final class SqliteTokenStore implements TokenStore {

    private final Database db;

    private SqliteTokenStore(Database db) {
        this.db = db;
    }

    /**
     * Starts configuring a store.
     *
     * @param file the database file; created with its parent directories if missing
     * @return a builder with the default busy timeout, pool size and durability
     */
    public static SqliteStoreBuilder builder(Path file) {
        return new SqliteStoreBuilder(file);
    }

    /**
     * Opens a store with the defaults.
     *
     * @param file the database file; created with its parent directories if missing
     * @return the open, migrated store
     * @throws StorageException if the file cannot be opened or migrated
     */
    public static SqliteTokenStore open(Path file) {
        return builder(file).open();
    }

    static SqliteTokenStore open(SqliteStoreBuilder settings) {
        return new SqliteTokenStore(Database.open(settings.file(), settings.busyTimeout(), settings.poolSize(),
                settings.durability() == SqliteStoreBuilder.Durability.FULL));
    }

    @Override
    public void saveClient(RegisteredClient client) {
        db.update("save a client", h -> ClientRows.insert(h, client));
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return db.read("find a client", h -> ClientRows.find(h, clientId));
    }

    @Override
    public boolean deleteClient(String clientId) {
        return db.write("delete a client", h -> ClientRows.deleteWithEverythingIssued(h, clientId));
    }

    @Override
    public void markClientUsed(String clientId, Instant now) {
        db.update("mark a client used", h -> ClientRows.markUsed(h, clientId, now));
    }

    @Override
    public long countClients() {
        return db.read("count clients", ClientRows::count);
    }

    @Override
    public List<String> unusedClients(Instant issuedBefore, int limit) {
        return db.read("list unused clients", h -> ClientRows.unused(h, issuedBefore, limit));
    }

    @Override
    public boolean deleteUnusedClient(String clientId) {
        return db.write("delete an unused client", h -> ClientRows.deleteIfUnused(h, clientId));
    }

    @Override
    public void savePendingAuthorization(PendingAuthorization pending) {
        db.update("save a pending authorization", h -> AuthorizationRows.insertPending(h, pending));
    }

    @Override
    public Optional<PendingAuthorization> findPendingAuthorization(String idHash, Instant now) {
        return db.read("find a pending authorization", h -> AuthorizationRows.findPending(h, idHash, now));
    }

    @Override
    public boolean removePendingAuthorization(String idHash) {
        return db.write("remove a pending authorization", h -> AuthorizationRows.deletePending(h, idHash));
    }

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        db.update("save an authorization code", h -> AuthorizationRows.insertCode(h, code));
    }

    @Override
    public CodeRedemption redeemAuthorizationCode(String codeHash, Instant now) {
        return db.write("redeem an authorization code", h -> AuthorizationRows.redeem(h, codeHash, now));
    }

    @Override
    public void saveGrant(Grant grant, String refreshTokenHash, Instant refreshTokenExpiresAt) {
        db.update("save a grant", h -> GrantRows.insert(h, grant, refreshTokenHash, refreshTokenExpiresAt));
    }

    @Override
    public RefreshRotation rotateRefreshToken(String presentedHash, RefreshSuccessor successor, Instant now,
                                              Duration reuseGrace) {
        return db.write("rotate a refresh token", h -> GrantRows.rotate(h, presentedHash, successor, now, reuseGrace));
    }

    @Override
    public Optional<Grant> findGrant(String grantId) {
        return db.read("find a grant", h -> GrantRows.find(h, grantId));
    }

    @Override
    public Optional<Grant> findGrantByRefreshToken(String refreshTokenHash, Instant now) {
        return db.read("find a grant by refresh token", h -> GrantRows.findByCurrentToken(h, refreshTokenHash, now));
    }

    @Override
    public boolean revokeGrant(String grantId) {
        return db.write("revoke a grant", h -> GrantRows.revoke(h, grantId));
    }

    @Override
    public void revokeAccessToken(String tokenId, Instant expiresAt) {
        db.update("revoke an access token", h -> KeyRows.revokeAccessToken(h, tokenId, expiresAt));
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        return db.read("check an access token", h -> KeyRows.isAccessTokenRevoked(h, tokenId));
    }

    /** One statement instead of two: this runs on every MCP request. */
    @Override
    public boolean isAccessTokenActive(String grantId, String tokenId, Instant now) {
        return db.read("check an access token", h -> KeyRows.isAccessTokenActive(h, grantId, tokenId, now));
    }

    @Override
    public void saveSigningKey(SigningKey key) {
        db.update("save a signing key", h -> KeyRows.insertKey(h, key));
    }

    @Override
    public List<SigningKey> signingKeys(Instant now) {
        return db.read("list signing keys", h -> KeyRows.unexpiredKeys(h, now));
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.write("purge expired rows", h -> Purge.expired(h, now));
    }

    /** Closes the connections; idempotent. Operations afterwards throw {@link StorageException}. */
    @Override
    public void close() {
        db.close();
    }
}
