package dev.mcpoauth.benchmarks;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.Grant;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.core.internal.AccessTokenVerifier;
import dev.mcpoauth.core.internal.Engine;
import dev.mcpoauth.core.internal.KeyManager;
import dev.mcpoauth.core.internal.TokenIssuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * A prototype of a proposed change, not engine code: bearer validation with a cache of tokens whose
 * signature and claims were already verified, keyed by the exact token string. A hit skips jose4j and
 * the ES256 check; the expiry is still compared with the clock and the grant and revocation checks
 * still go to the store on every request, so revocation stays immediate. Built from the engine's
 * own verifier and store, so that only the cache differs from {@link BearerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class VerifiedTokenCacheBenchmark {

    private static final long CLOCK_SKEW_SECONDS = 30;

    /** The store that answers the grant and revocation checks. */
    @Param({"memory", "sqlite"})
    public String store;

    private StoreKind.Opened opened;
    private Engine engine;
    private AccessTokenVerifier verifier;
    private final ConcurrentHashMap<String, AccessTokenVerifier.Verified> verified = new ConcurrentHashMap<>();
    private Optional<String> header;

    /** An engine's verifier on the store, a grant in it, and a token minted from that grant. */
    @Setup(Level.Trial)
    public void setUp() {
        opened = StoreKind.of(store).openEmpty();
        engine = new Engine(ServerConfig.defaults(), opened.store(), Clock.systemUTC(), "bench");
        KeyManager keys = new KeyManager(engine);
        keys.initialize();
        verifier = new AccessTokenVerifier(engine, keys);
        Instant now = engine.now();
        Grant grant = new Grant("grant-0123456789abcdef", "client-1", "user-1", Set.of("mcp"),
                engine.config().resource(), now, now.plus(Duration.ofDays(90)), false);
        opened.store().saveGrant(grant, "refresh-hash", now.plus(Duration.ofDays(30)));
        String token = (String) new TokenIssuer(engine, keys)
                .respond(grant, grant.scopes(), Optional.empty(), now).get("access_token");
        header = BenchClient.bearer(token);
        if (authenticate().isEmpty()) {
            throw new IllegalStateException("the prototype refuses a valid token");
        }
    }

    /** Closes the store and deletes its file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        opened.close();
    }

    /** One bearer check; after the first, every one is a cache hit. */
    @Benchmark
    public Optional<AuthenticatedPrincipal> authenticate() {
        String token = header.orElseThrow().substring("Bearer ".length()).trim();
        AccessTokenVerifier.Verified claims = verified.get(token);
        if (claims == null) {
            claims = verifier.verify(token).orElse(null);
            if (claims == null) {
                return Optional.empty();
            }
            verified.put(token, claims);
        }
        Instant now = engine.now();
        if (!now.isBefore(claims.expiresAt().plusSeconds(CLOCK_SKEW_SECONDS))) {
            verified.remove(token);
            return Optional.empty();
        }
        TokenStore tokens = engine.store();
        boolean active = tokens.findGrant(claims.grantId()).filter(g -> g.isActive(now)).isPresent()
                && !tokens.isAccessTokenRevoked(claims.tokenId());
        return active ? Optional.of(new AuthenticatedPrincipal(claims.userId(), claims.clientId(), claims.scopes(),
                claims.tokenId(), claims.expiresAt())) : Optional.empty();
    }
}
