package dev.mcpoauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What checking a token's signature would cost with the JDK's other JWS algorithms, for comparison
 * with ES256 ({@code JwtBenchmark.jcaVerify}); bare JCA over a signing input of a typical token's
 * size. Evidence for the choice of algorithm, not a path of the engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SignatureAlgorithmsBenchmark {

    private byte[] input;
    private KeyPair rsa;
    private byte[] rsaSignature;
    private KeyPair ed25519;
    private byte[] edSignature;
    private SecretKeySpec hmacKey;
    private byte[] hmacTag;

    /** Keys and signatures of a 420-byte input, about what an access token signs. */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        input = "x".repeat(420).getBytes(StandardCharsets.US_ASCII);
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        Signature rsaSigner = Signature.getInstance("SHA256withRSA");
        rsaSigner.initSign(rsa.getPrivate());
        rsaSigner.update(input);
        rsaSignature = rsaSigner.sign();
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature edSigner = Signature.getInstance("Ed25519");
        edSigner.initSign(ed25519.getPrivate());
        edSigner.update(input);
        edSignature = edSigner.sign();
        hmacKey = new SecretKeySpec(BenchClient.randomBytes(32), "HmacSHA256");
        hmacTag = hs256();
        if (!rs256Verify() || !ed25519Verify() || !hs256Verify()) {
            throw new IllegalStateException("a signature does not verify");
        }
    }

    /** RS256 (RSA 2048) verification: the public-key alternative with the cheapest check. */
    @Benchmark
    public boolean rs256Verify() throws GeneralSecurityException {
        Signature checker = Signature.getInstance("SHA256withRSA");
        checker.initVerify(rsa.getPublic());
        checker.update(input);
        return checker.verify(rsaSignature);
    }

    /** EdDSA (Ed25519) verification. */
    @Benchmark
    public boolean ed25519Verify() throws GeneralSecurityException {
        Signature checker = Signature.getInstance("Ed25519");
        checker.initVerify(ed25519.getPublic());
        checker.update(input);
        return checker.verify(edSignature);
    }

    /** HS256 verification: recompute the MAC and compare in constant time. */
    @Benchmark
    public boolean hs256Verify() throws GeneralSecurityException {
        return MessageDigest.isEqual(hs256(), hmacTag);
    }

    private byte[] hs256() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(hmacKey);
        return mac.doFinal(input);
    }
}
