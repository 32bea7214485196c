package dev.mcpoauth.benchmarks;

import java.util.Map;
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
 * Token minting end to end: the {@code refresh_token} grant through {@code AuthorizationServer.token},
 * i.e. client authentication (a store read), the grant lookup by refresh-token hash (a read), the
 * rotation (one write transaction: a new refresh token, the old one demoted) and an ES256-signed
 * access token. Each operation presents the refresh token the previous one returned, as a client does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class RefreshBenchmark {

    /** The store the grant lives in. */
    @Param({"memory", "sqlite", "sqlite-normal"})
    public String store;

    private StoreKind.Opened opened;
    private BenchClient client;
    private String refreshToken;

    /** Registers a client and logs a user in: the first refresh token. */
    @Setup(Level.Trial)
    public void setUp() {
        opened = StoreKind.of(store).openEmpty();
        client = new BenchClient(opened.store());
        refreshToken = (String) client.exchange(client.authorize("alice")).get("refresh_token");
    }

    /** Stops the engine, closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        opened.close();
    }

    /** One refresh: a rotated refresh token and a new access token. */
    @Benchmark
    public Map<String, Object> refresh() {
        Map<String, Object> response = client.refresh(refreshToken);
        refreshToken = (String) response.get("refresh_token");
        return response;
    }
}
