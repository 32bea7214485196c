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
 * A whole sign-in, as the engine sees it: {@code authorize} (a pending request written), the login
 * completion (the request read and removed, a code written) and the code exchange (the code
 * redeemed, a grant written, an access token signed). Five store writes; the user checker answers
 * at once. Set against {@link CodeExchangeBenchmark}, it shows what the two steps before the
 * exchange cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class LoginFlowBenchmark {

    /** The store everything is written to. */
    @Param({"memory", "sqlite"})
    public String store;

    private StoreKind.Opened opened;
    private BenchClient client;

    /** Registers the client once. */
    @Setup(Level.Trial)
    public void setUp() {
        opened = StoreKind.of(store).openEmpty();
        client = new BenchClient(opened.store());
    }

    /** Stops the engine, closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        opened.close();
    }

    /** Authorize, log in and exchange the code. */
    @Benchmark
    public Map<String, Object> authorizeLoginExchange() {
        return client.exchange(client.authorize("alice"));
    }
}
