import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.Grant;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Run by ModulePathSmokeTest in a fresh JVM, with the source launcher: finds the redis provider
 * through ServiceLoader, as the engine does, and exercises a store with Lua scripts and the pool.
 * Arguments: the Redis URI and a key prefix.
 */
public class ModulePathSmoke {
    public static void main(String[] args) {
        TokenStoreProvider provider = ServiceLoader.load(TokenStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("redis")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no TokenStoreProvider with id redis"));
        Instant now = Instant.now();
        try (TokenStore store = provider.create(new ProviderSettings(Map.of("redis.uri", args[0],
                "redis.key-prefix", args[1] + now.toEpochMilli() + ":")))) {
            store.saveClient(new RegisteredClient("smoke", Optional.empty(), now, Optional.empty(),
                    List.of("http://127.0.0.1/cb"), List.of("authorization_code"), ClientAuthMethod.NONE, Set.of(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
            store.saveAuthorizationCode(new AuthorizationCode("code", "grant", "smoke", "http://127.0.0.1/cb", false,
                    "challenge", Set.of("mcp"), "https://mcp.test/mcp", "user", now, now.plusSeconds(60)));
            check(store.redeemAuthorizationCode("code", now) instanceof CodeRedemption.Redeemed, "redeemed");
            store.saveGrant(new Grant("grant", "smoke", "user", Set.of("mcp"), "https://mcp.test/mcp", now,
                    now.plus(Duration.ofDays(1)), false), "rt-1", now.plus(Duration.ofDays(1)));
            check(store.rotateRefreshToken("rt-1", "rt-2", now.plus(Duration.ofDays(1)), now)
                    instanceof RefreshRotation.Rotated, "rotated");
            check(store.deleteClient("smoke"), "deleted");
            System.out.println("SMOKE OK named=" + provider.getClass().getModule().isNamed());
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("smoke check failed: " + what);
        }
    }
}
