package dev.mcpoauth.benchmarks;

import dev.mcpoauth.core.BearerResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
 * Bearer validation, the check every MCP request pays: {@code AuthorizationServer.authenticate} on a
 * valid token, which verifies the ES256 signature, {@code typ}, issuer, audience and times, then asks
 * the store whether the token's grant is active and the token not revoked. Target: under 50 us.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class BearerBenchmark {

    /** The store that answers the grant and revocation checks. */
    @Param({"memory", "sqlite"})
    public String store;

    /**
     * {@code ServerConfig.revocationCheckInterval}: {@code PT1S} (the default: the store is asked once a
     * second per token) or {@code PT0S} (on every request, the store half measured each time).
     */
    @Param({"PT1S", "PT0S"})
    public String recheck;

    private StoreKind.Opened opened;
    private BenchClient client;
    private Optional<String> header;

    /** Registers a client, logs a user in and keeps the access token's header. */
    @Setup(Level.Trial)
    public void setUp() {
        opened = StoreKind.of(store).openEmpty();
        client = new BenchClient(opened.store(), Duration.parse(recheck));
        header = BenchClient.bearer(client.accessToken("alice"));
    }

    /** Stops the engine, closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        opened.close();
    }

    /** One bearer check of a valid token. */
    @Benchmark
    public BearerResult authenticate() {
        return client.server.authenticate(header);
    }
}
