package dev.mcpoauth.benchmarks;

import dev.mcpoauth.core.BearerResult;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Bearer validation against a SQLite store that already holds many grants (see {@link GrantDatabase}).
 * Each trial copies the cached file, so that runs never change it, opens the store on the copy, and
 * logs in {@value #TOKENS} times through the engine; the operation validates those tokens in turn, so
 * that the lookups spread over the B-trees instead of hitting one hot path. Target: at most 1.2x
 * slower at 1 million grants than at a thousand. {@code storeChecks} times the store half alone (the
 * part that depends on the store's size), since the signature check dwarfs it in {@code authenticate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class StoreSizeBenchmark {

    /** Tokens validated in turn; a power of two. */
    static final int TOKENS = 256;

    /** How many grants the store holds before the trial's own. */
    @Param({"1000", "100000", "1000000"})
    public int grants;

    /**
     * {@code ServerConfig.revocationCheckInterval}: {@code PT1S} (the default: the store is asked once a
     * second per token) or {@code PT0S} (on every request, the store half measured each time).
     */
    @Param({"PT1S", "PT0S"})
    public String recheck;

    private Path work;
    private SqliteTokenStore store;
    private BenchClient client;
    private final List<Optional<String>> headers = new ArrayList<>(TOKENS);
    private final List<String[]> grantAndTokenIds = new ArrayList<>(TOKENS);
    private int next;

    /** Copies the prepared file, opens the store and mints the tokens. */
    @Setup(Level.Trial)
    public void setUp() {
        Path prepared = GrantDatabase.prepared(grants);
        work = BenchFiles.dbDir().resolve("work-grants-" + grants + ".db");
        BenchFiles.deleteDb(work);
        headers.clear();
        grantAndTokenIds.clear();
        try {
            Files.copy(prepared, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = StoreKind.SQLITE.openSqlite(work);
        client = new BenchClient(store, Duration.parse(recheck));
        for (int i = 0; i < TOKENS; i++) {
            String token = client.accessToken("user" + i);
            headers.add(BenchClient.bearer(token));
            grantAndTokenIds.add(new String[] {claim(token, "grant_id"), claim(token, "jti")});
        }
    }

    /** Stops the engine, closes the store and deletes the copy. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        store.close();
        BenchFiles.deleteDb(work);
    }

    /** One bearer check, of the next token in turn. */
    @Benchmark
    public BearerResult authenticate() {
        return client.server.authenticate(headers.get(next++ & (TOKENS - 1)));
    }

    /** Only the store half of the same check: the grant's state and the token's revocation, for the next token. */
    @Benchmark
    public boolean storeChecks() {
        String[] ids = grantAndTokenIds.get(next++ & (TOKENS - 1));
        Instant now = Instant.now();
        return store.findGrant(ids[0]).filter(g -> g.isActive(now)).isPresent() && !store.isAccessTokenRevoked(ids[1]);
    }

    /** A string claim of a JWT, read without verifying it (the token was just minted by the engine). */
    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!m.find()) {
            throw new IllegalStateException("the access token has no " + name);
        }
        return m.group(1);
    }
}
