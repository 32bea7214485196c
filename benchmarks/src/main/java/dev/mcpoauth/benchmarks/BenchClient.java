package dev.mcpoauth.benchmarks;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.core.AuthorizeResult;
import dev.mcpoauth.core.BearerResult;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real engine on a given store, with one registered public client, and the steps of the OAuth
 * flow as that client performs them, through the public API only. The user checker accepts anyone at
 * once, so that no benchmark measures it. The periodic purge is off, so that no background thread
 * competes with the measured one.
 */
final class BenchClient implements AutoCloseable {

    static final String REDIRECT = "http://127.0.0.1:8765/callback";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A code as the client received it, with the verifier it must present. */
    record Code(String code, String verifier) {
    }

    final AuthorizationServer server;
    final String clientId;

    BenchClient(TokenStore store) {
        this(store, ServerConfig.defaults().revocationCheckInterval());
    }

    /** A client of an engine that asks the store whether a token is active at most once per {@code recheck}. */
    BenchClient(TokenStore store, Duration recheck) {
        server = AuthorizationServer.builder("bench").store(store)
                .config(ServerConfig.builder().revocationCheckInterval(recheck).build())
                .userChecker((username, password) -> Optional.of("user-" + username))
                .purgeInterval(Duration.ZERO).build();
        Map<String, Object> registered = server.register(Map.of("redirect_uris", List.of(REDIRECT),
                "token_endpoint_auth_method", "none", "client_name", "Benchmark Client"));
        clientId = (String) registered.get("client_id");
    }

    /** Authorization and login: the code the client's redirect URI receives. */
    Code authorize(String username) {
        String verifier = B64URL.encodeToString(randomBytes(32));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", REDIRECT);
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        params.put("state", "s");
        params.put("scope", "mcp");
        AuthorizeResult result = server.authorize(params);
        if (!(result instanceof AuthorizeResult.LoginRequired login)) {
            throw new IllegalStateException("authorize failed: " + result);
        }
        URI redirect = server.loginFlow().complete(login.loginRequestId(), username, "password");
        return new Code(queryParam(redirect, "code"), verifier);
    }

    /** The token request of the {@code authorization_code} grant. */
    Map<String, Object> exchange(Code code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code.code());
        form.put("code_verifier", code.verifier());
        form.put("redirect_uri", REDIRECT);
        return server.token(form, Optional.empty());
    }

    /** The token request of the {@code refresh_token} grant. */
    Map<String, Object> refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("refresh_token", refreshToken);
        return server.token(form, Optional.empty());
    }

    /** Logs {@code username} in and returns a fresh access token, checked to be accepted. */
    String accessToken(String username) {
        String token = (String) exchange(authorize(username)).get("access_token");
        if (!(server.authenticate(bearer(token)) instanceof BearerResult.Authenticated)) {
            throw new IllegalStateException("a freshly minted access token was refused");
        }
        return token;
    }

    /** The {@code Authorization} header value of a bearer token. */
    static Optional<String> bearer(String accessToken) {
        return Optional.of("Bearer " + accessToken);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String queryParam(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in the redirect");
    }

    /** Stops the engine; the store belongs to the caller. */
    @Override
    public void close() {
        server.close();
    }
}
