package dev.mcpoauth.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code authorization_code} grant alone: {@code AuthorizationServer.token} with a fresh code,
 * i.e. client authentication, the atomic redemption (a write transaction), the PKCE check, the new
 * grant with its first refresh token (a second write transaction) and an ES256-signed access token.
 *
 * <p>A code is single use, so each call needs a new one, and making it (authorize, then log in:
 * three more writes) must stay out of the measurement. A time-based mode cannot know how many codes
 * an iteration will use, so this runs in single-shot mode with a fixed batch: {@value #BATCH} codes
 * are prepared before each iteration, and the iteration exchanges exactly those, timed as a whole
 * and reported per exchange.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, batchSize = CodeExchangeBenchmark.BATCH)
@Measurement(iterations = 5, batchSize = CodeExchangeBenchmark.BATCH)
@OperationsPerInvocation(CodeExchangeBenchmark.BATCH)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class CodeExchangeBenchmark {

    /** Codes exchanged per iteration. */
    static final int BATCH = 500;

    /** The store the codes and grants live in. */
    @Param({"memory", "sqlite", "sqlite-normal"})
    public String store;

    private StoreKind.Opened opened;
    private BenchClient client;
    private final BenchClient.Code[] codes = new BenchClient.Code[BATCH];
    private int next;

    /** Registers the client once. */
    @Setup(Level.Trial)
    public void setUp() {
        opened = StoreKind.of(store).openEmpty();
        client = new BenchClient(opened.store());
    }

    /** Authorizes and logs in {@value #BATCH} times, outside the measurement. */
    @Setup(Level.Iteration)
    public void prepareCodes() {
        for (int i = 0; i < BATCH; i++) {
            codes[i] = client.authorize("user" + i);
        }
        next = 0;
    }

    /** Stops the engine, closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        opened.close();
    }

    /** One code exchange; JMH calls it {@value #BATCH} times per iteration. */
    @Benchmark
    public Map<String, Object> exchange() {
        return client.exchange(codes[next++]);
    }
}
