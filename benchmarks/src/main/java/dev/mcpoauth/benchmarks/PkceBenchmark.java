package dev.mcpoauth.benchmarks;

import dev.mcpoauth.core.EngineProbe;

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

/**
 * The PKCE S256 check of the code exchange (RFC 7636 §4.6), on the engine's own {@code Pkce} (internal:
 * the public API cannot isolate it): {@code matches} is SHA-256 of the verifier, base64url, and a
 * constant-time compare with the stored challenge; {@code wellFormed} is the 43-128 unreserved
 * characters rule checked before it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PkceBenchmark {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** The verifier's length: the shortest and the longest RFC 7636 allows. */
    @Param({"43", "128"})
    public int length;

    private String verifier;
    private String challenge;

    /** A random verifier of the given length and its challenge, computed independently of the engine. */
    @Setup(Level.Trial)
    public void setUp() {
        StringBuilder v = new StringBuilder(length);
        for (byte b : BenchClient.randomBytes(length)) {
            v.append(UNRESERVED.charAt((b & 0xFF) % UNRESERVED.length()));
        }
        verifier = v.toString();
        challenge = BenchClient.challenge(verifier);
        if (!EngineProbe.isWellFormedVerifier(verifier) || !EngineProbe.pkceMatches(verifier, challenge)) {
            throw new IllegalStateException("the engine refuses a correct verifier");
        }
    }

    /** The S256 comparison. */
    @Benchmark
    public boolean matches() {
        return EngineProbe.pkceMatches(verifier, challenge);
    }

    /** The verifier syntax check. */
    @Benchmark
    public boolean wellFormed() {
        return EngineProbe.isWellFormedVerifier(verifier);
    }
}
