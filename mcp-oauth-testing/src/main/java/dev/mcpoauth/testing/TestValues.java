package dev.mcpoauth.testing;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.Grant;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Valid sample values for store tests, all relative to one fixed instant so that no test depends on
 * the wall clock.
 *
 * <p>Every instant is a whole millisecond, the precision the {@link TokenStoreContract} requires a
 * store to keep. Ids are derived from the {@code name} argument, so tests pick distinct names for
 * distinct rows. This class is stateless and thread safe.
 */
public final class TestValues {

    /** The "current time" of every contract test: a whole millisecond, far from any epoch edge. */
    public static final Instant NOW = Instant.parse("2026-11-05T10:15:30.123Z");

    /** The resource (audience) every sample binds to. */
    public static final String RESOURCE = "https://mcp.example.test/mcp";

    /** How long sample pending requests and codes live. */
    public static final Duration SHORT = Duration.ofMinutes(5);

    /** How long sample grants live. */
    public static final Duration LONG = Duration.ofDays(30);

    private TestValues() {
    }

    /** Scopes in a deliberately non-alphabetical order, so a store that sorts them is caught. */
    public static Set<String> scopes() {
        return ordered("mcp:tools", "alpha", "zeta", "offline_access");
    }

    /** An insertion-ordered set of the given values. */
    public static Set<String> ordered(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }

    /** A public client ({@code none}) with one redirect URI and every optional field empty. */
    public static RegisteredClient publicClient(String clientId) {
        return new RegisteredClient(clientId, Optional.empty(), NOW, Optional.empty(),
                List.of("http://127.0.0.1:33418/callback"), List.of("authorization_code", "refresh_token"),
                ClientAuthMethod.NONE, Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A confidential client with every optional field present and several ordered redirect URIs. */
    public static RegisteredClient confidentialClient(String clientId) {
        return new RegisteredClient(clientId, Optional.of("secret-hash-" + clientId), NOW,
                Optional.of(NOW.plus(LONG)),
                List.of("https://b.example.test/cb", "https://a.example.test/cb", "cursor://anysphere/cb"),
                List.of("refresh_token", "authorization_code"), ClientAuthMethod.CLIENT_SECRET_BASIC,
                scopes(), Optional.of("Client " + clientId), Optional.of("https://client.example.test/"),
                Optional.of("https://client.example.test/logo.png"));
    }

    /** A pending request of {@code clientId} created at {@link #NOW}, living {@link #SHORT}. */
    public static PendingAuthorization pending(String idHash, String clientId) {
        return new PendingAuthorization(idHash, clientId, "http://127.0.0.1:33418/callback", true,
                Optional.of("client-state-" + idHash), "challenge-" + idHash, scopes(), RESOURCE, NOW,
                NOW.plus(SHORT));
    }

    /** A code of {@code clientId} issued at {@link #NOW}, living {@link #SHORT}, for grant {@code grantId}. */
    public static AuthorizationCode code(String codeHash, String clientId, String grantId) {
        return new AuthorizationCode(codeHash, grantId, clientId, "http://127.0.0.1:33418/callback", false,
                "challenge-" + codeHash, scopes(), RESOURCE, "user-" + clientId, NOW, NOW.plus(SHORT));
    }

    /** An active grant of {@code clientId} created at {@link #NOW}, living {@link #LONG}. */
    public static Grant grant(String grantId, String clientId) {
        return new Grant(grantId, clientId, "user-" + clientId, scopes(), RESOURCE, NOW, NOW.plus(LONG), false);
    }

    /** A signing key created at {@code createdAt} that signs for a day and is published for two. */
    public static SigningKey signingKey(String keyId, Instant createdAt) {
        return new SigningKey(keyId, "ES256", "{\"kty\":\"EC\",\"kid\":\"" + keyId + "\",\"d\":\"private\"}",
                createdAt, createdAt.plus(Duration.ofDays(1)), createdAt.plus(Duration.ofDays(2)));
    }
}
