package dev.mcpoauth.benchmarks;

import dev.mcpoauth.Grant;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.core.InMemoryTokenStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store half of bearer validation, alone: what {@code verifyActive} asks after the signature
 * check, namely {@code findGrant(grantId)} and {@code isAccessTokenRevoked(jti)}.
 * <ul>
 *   <li>{@code memoryStore}, {@code sqliteStore}: through the {@code TokenStore} API, as the engine
 *       calls it (for SQLite: a pooled Jdbi handle and a freshly prepared statement per read);</li>
 *   <li>{@code sqliteJdbcPrepared}: the same two queries as plain JDBC statements prepared once on
 *       one connection, to show what statement preparation and Jdbi add;</li>
 *   <li>{@code sqliteJdbcOneQuery}: both answers from one prepared statement.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
public class StoreReadBenchmark {

    private static final String GRANT_ID = "Zk3nq0cYbX2uTQw8sA5hLg";
    private static final String TOKEN_ID = "p9Vd1sKxM4eRw7yB2nCq0A";

    private TokenStore memory;
    private StoreKind.Opened sqlite;
    private Connection connection;
    private PreparedStatement findGrant;
    private PreparedStatement isRevoked;
    private PreparedStatement oneQuery;

    /** One active grant in each store, and the JDBC statements on the SQLite file. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        Instant now = Instant.now();
        Grant grant = new Grant(GRANT_ID, "client-1", "user-1", Set.of("mcp"), "http://localhost:3000/mcp",
                now, now.plus(Duration.ofDays(90)), false);
        memory = new InMemoryTokenStore();
        memory.saveGrant(grant, "refresh-hash-memory", now.plus(Duration.ofDays(30)));
        sqlite = StoreKind.SQLITE.openEmpty();
        sqlite.store().saveGrant(grant, "refresh-hash-sqlite", now.plus(Duration.ofDays(30)));
        Path file = sqlite.file().orElseThrow();
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        findGrant = connection.prepareStatement("SELECT g.grant_id, g.client_id, g.user_id, g.scopes, g.resource, "
                + "g.created_at, g.expires_at, g.revoked FROM grants g WHERE g.grant_id = ?");
        isRevoked = connection.prepareStatement("SELECT count(*) FROM revoked_access_tokens WHERE token_id = ?");
        oneQuery = connection.prepareStatement("SELECT g.revoked, g.expires_at, EXISTS (SELECT 1 FROM "
                + "revoked_access_tokens r WHERE r.token_id = ?) FROM grants g WHERE g.grant_id = ?");
        if (!memoryStore() || !sqliteStore() || !sqliteJdbcPrepared() || !sqliteJdbcOneQuery()) {
            throw new IllegalStateException("the grant is not found active");
        }
    }

    /** Closes the statements, the connection and the stores. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
        memory.close();
        sqlite.close();
    }

    /** Both checks on the in-memory store. */
    @Benchmark
    public boolean memoryStore() {
        return active(memory);
    }

    /** Both checks on the SQLite store, through its API. */
    @Benchmark
    public boolean sqliteStore() {
        return active(sqlite.store());
    }

    /** Both checks as two statements prepared once. */
    @Benchmark
    public boolean sqliteJdbcPrepared() throws SQLException {
        Instant now = Instant.now();
        findGrant.setString(1, GRANT_ID);
        boolean active;
        try (ResultSet rs = findGrant.executeQuery()) {
            active = rs.next() && rs.getInt("revoked") == 0 && rs.getLong("expires_at") > now.toEpochMilli()
                    && rs.getString("scopes") != null && rs.getString("user_id") != null;
        }
        isRevoked.setString(1, TOKEN_ID);
        try (ResultSet rs = isRevoked.executeQuery()) {
            return active && rs.next() && rs.getInt(1) == 0;
        }
    }

    /** Both checks as one statement prepared once. */
    @Benchmark
    public boolean sqliteJdbcOneQuery() throws SQLException {
        oneQuery.setString(1, TOKEN_ID);
        oneQuery.setString(2, GRANT_ID);
        try (ResultSet rs = oneQuery.executeQuery()) {
            return rs.next() && rs.getInt(1) == 0 && rs.getLong(2) > System.currentTimeMillis() && rs.getInt(3) == 0;
        }
    }

    private static boolean active(TokenStore store) {
        Instant now = Instant.now();
        return store.findGrant(GRANT_ID).filter(g -> g.isActive(now)).isPresent()
                && !store.isAccessTokenRevoked(TOKEN_ID);
    }
}
