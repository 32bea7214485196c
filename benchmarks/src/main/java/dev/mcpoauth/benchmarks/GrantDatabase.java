package dev.mcpoauth.benchmarks;

import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * SQLite token-store files holding many grants, built once and cached as
 * {@code target/bench-db/grants-v1-<n>.db}; later runs reuse them.
 *
 * <p>The schema comes from the store itself (opening a new file migrates it). The rows are then
 * written with plain JDBC in a few large transactions with {@code synchronous=OFF}: through the
 * store API every grant would be its own fsynced transaction, about 1 ms each, so a million would take
 * a quarter of an hour. What is written mirrors what the engine writes: per grant, a row in
 * {@code grants} (random 22-character id, as the engine makes them; every tenth revoked) and its current
 * refresh token (a 43-character hash); and one revoked access token per ten grants. Ids are random,
 * so the B-trees have the shape a real store's get. A seeded generator makes the file the same each time.
 */
final class GrantDatabase {

    /** Bump when the layout of the generated rows changes, so that stale cached files are not reused. */
    private static final String LAYOUT = "v1";
    private static final int ROWS_PER_COMMIT = 100_000;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final System.Logger LOG = System.getLogger(GrantDatabase.class.getName());

    private GrantDatabase() {
    }

    /** The cached file with {@code grants} grants, built first if missing. */
    static Path prepared(int grants) {
        Path file = BenchFiles.dbDir().resolve("grants-" + LAYOUT + "-" + grants + ".db");
        if (Files.exists(file)) {
            return file;
        }
        // Built under a unique name and moved into place at the end, so that an interrupted build is never reused.
        Path building = BenchFiles.dbDir().resolve("building-" + UUID.randomUUID() + ".db");
        long started = System.nanoTime();
        SqliteTokenStore.open(building).close();
        try {
            fill(building, grants);
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not fill " + building, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BenchFiles.deleteDb(building);
        }
        LOG.log(System.Logger.Level.INFO, "built {0} with {1} grants in {2} s", file, grants,
                (System.nanoTime() - started) / 1_000_000_000L);
        return file;
    }

    private static void fill(Path file, int grants) throws SQLException {
        SplittableRandom random = new SplittableRandom(grants);
        String resource = ServerConfig.defaults().resource();
        long now = Instant.now().toEpochMilli();
        long grantEnd = now + Duration.ofDays(90).toMillis();
        long tokenEnd = now + Duration.ofDays(30).toMillis();
        long accessEnd = now + Duration.ofHours(1).toMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement pragma = c.createStatement()) {
            pragma.execute("PRAGMA synchronous = OFF");
            pragma.execute("PRAGMA cache_size = -262144");
            c.setAutoCommit(false);
            try (PreparedStatement grant = c.prepareStatement("INSERT INTO grants (grant_id, client_id, user_id, "
                         + "scopes, resource, created_at, expires_at, revoked) VALUES (?, ?, ?, '[\"mcp\"]', ?, ?, ?, ?)");
                 PreparedStatement token = c.prepareStatement("INSERT INTO refresh_tokens (token_hash, grant_id, "
                         + "expires_at, is_current) VALUES (?, ?, ?, 1)");
                 PreparedStatement revoked = c.prepareStatement(
                         "INSERT INTO revoked_access_tokens (token_id, expires_at) VALUES (?, ?)")) {
                for (int i = 0; i < grants; i++) {
                    String grantId = random(random, 16);
                    grant.setString(1, grantId);
                    grant.setString(2, "client-" + (i % 1000));
                    grant.setString(3, "user-" + i);
                    grant.setString(4, resource);
                    grant.setLong(5, now);
                    grant.setLong(6, grantEnd);
                    grant.setInt(7, i % 10 == 9 ? 1 : 0);
                    grant.executeUpdate();
                    token.setString(1, random(random, 32));
                    token.setString(2, grantId);
                    token.setLong(3, tokenEnd);
                    token.executeUpdate();
                    if (i % 10 == 0) {
                        revoked.setString(1, random(random, 16));
                        revoked.setLong(2, accessEnd);
                        revoked.executeUpdate();
                    }
                    if ((i + 1) % ROWS_PER_COMMIT == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            pragma.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static String random(SplittableRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return B64URL.encodeToString(buffer);
    }
}
