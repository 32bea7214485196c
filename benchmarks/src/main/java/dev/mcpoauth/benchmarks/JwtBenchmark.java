package dev.mcpoauth.benchmarks;

import dev.mcpoauth.Grant;
import dev.mcpoauth.core.InMemoryTokenStore;
import dev.mcpoauth.core.EngineProbe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
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
 * The JWT part of minting and of bearer validation, without any store, each next to its floor, so
 * that what the engine adds on top of the ES256 arithmetic is visible. Uses the engine's minting and
 * JWT check through {@link EngineProbe} (the public API always adds store work):
 * <ul>
 *   <li>{@code mintAccessToken}: the engine's minting (claims, jose4j JWS, ES256) and its token response;</li>
 *   <li>{@code joseSign}: jose4j signing of a ready payload with the same key;</li>
 *   <li>{@code jcaSign}: bare JCA {@code SHA256withECDSAinP1363Format} over the same signing input;</li>
 *   <li>{@code verifyToken}: the engine's check (a new {@code JwtConsumer} per call, key lookup,
 *       signature, claims);</li>
 *   <li>{@code joseVerifyReusedConsumer}: the same checks with one {@code JwtConsumer} built once;</li>
 *   <li>{@code jcaVerify}: bare JCA verification of the token's signature.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JwtBenchmark {

    private static final String JCA_ES256 = "SHA256withECDSAinP1363Format";

    private EngineProbe engine;
    private Grant grant;
    private Instant now;
    private String token;
    private String keyId;
    private String payload;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private byte[] signingInput;
    private byte[] signature;
    private JwtConsumer reusedConsumer;

    /** An engine's key manager, issuer and verifier on an in-memory store, and one minted token. */
    @Setup(Level.Trial)
    public void setUp() throws JoseException {
        InMemoryTokenStore store = new InMemoryTokenStore();
        engine = EngineProbe.create(store);
        now = engine.now();
        grant = new Grant("grant-0123456789abcdef", "client-0123456789abcdef", "user-1", Set.of("mcp"),
                engine.config().resource(), now, now.plus(Duration.ofDays(90)), false);
        token = (String) engine.mint(grant, grant.scopes(), now).get("access_token");

        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(store.signingKeys(now).getFirst().privateJwk());
        keyId = jwk.getKeyId();
        privateKey = jwk.getPrivateKey();
        publicKey = jwk.getPublicKey();
        String[] parts = token.split("\\.");
        payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(parts[2]);
        reusedConsumer = new JwtConsumerBuilder()
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(engine.config().issuer())
                .setExpectedAudience(engine.config().resource())
                .setExpectedType(true, EngineProbe.TOKEN_TYPE)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, EngineProbe.ALGORITHM)
                .setVerificationKeyResolver((jws, nesting) -> publicKey)
                .build();
        if (engine.verify(token).isEmpty() || !jcaVerify() || joseVerifyReusedConsumer() == null) {
            throw new IllegalStateException("the minted token does not verify");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published = (List<Map<String, Object>>) engine.jwks().get("keys");
        if (!keyId.equals(published.getFirst().get("kid"))) {
            throw new IllegalStateException("the stored key is not the published one");
        }
    }

    /** The engine's minting and token response. */
    @Benchmark
    public Map<String, Object> mintAccessToken() {
        return engine.mint(grant, grant.scopes(), now);
    }

    /** jose4j ES256 signing of a ready payload. */
    @Benchmark
    public String joseSign() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(EngineProbe.ALGORITHM);
        jws.setHeader("typ", EngineProbe.TOKEN_TYPE);
        return jws.getCompactSerialization();
    }

    /** Bare JCA ES256 signing. */
    @Benchmark
    public byte[] jcaSign() throws GeneralSecurityException {
        Signature signer = Signature.getInstance(JCA_ES256);
        signer.initSign(privateKey);
        signer.update(signingInput);
        return signer.sign();
    }

    /** The engine's token check, without the store. */
    @Benchmark
    public Optional<?> verifyToken() {
        return engine.verify(token);
    }

    /** The same checks with a consumer built once. */
    @Benchmark
    public JwtClaims joseVerifyReusedConsumer() {
        try {
            return reusedConsumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bare JCA ES256 verification. */
    @Benchmark
    public boolean jcaVerify() {
        try {
            Signature checker = Signature.getInstance(JCA_ES256);
            checker.initVerify(publicKey);
            checker.update(signingInput);
            return checker.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
