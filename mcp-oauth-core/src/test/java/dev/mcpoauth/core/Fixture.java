package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real engine on an in-memory store with a test clock, and the steps of the OAuth flow as a
 * client performs them. One user exists: {@value #USER} / {@value #PASSWORD}, id {@value #USER_ID}.
 */
final class Fixture implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String USER_ID = "user-1";
    static final String REDIRECT = "http://127.0.0.1:8765/callback";

    final TestClock clock = new TestClock();
    final InMemoryTokenStore store;
    final AuthorizationServer server;

    Fixture() {
        this(ServerConfig.defaults());
    }

    Fixture(ServerConfig config) {
        this(config, new InMemoryTokenStore());
    }

    Fixture(ServerConfig config, InMemoryTokenStore store) {
        this.store = store;
        this.server = AuthorizationServer.builder("test-app").config(config).store(store)
                .userChecker((u, p) -> USER.equals(u) && PASSWORD.equals(p) ? Optional.of(USER_ID) : Optional.empty())
                .clock(clock).purgeInterval(Duration.ZERO).build();
    }

    /** A registered client and what it needs to authenticate. */
    record Client(String id, Optional<String> secret, String method, String redirectUri) {

        /** The form with this client's credentials for {@code none} and {@code client_secret_post}. */
        Map<String, String> form(String... pairs) {
            Map<String, String> form = pairs(pairs);
            if (!method.equals("client_secret_basic")) {
                form.put("client_id", id);
            }
            if (method.equals("client_secret_post")) {
                form.put("client_secret", secret.orElseThrow());
            }
            return form;
        }

        /** The Authorization header for {@code client_secret_basic}. */
        Optional<String> header() {
            return method.equals("client_secret_basic")
                    ? Optional.of(basic(id, secret.orElseThrow())) : Optional.empty();
        }
    }

    /** A code as the client received it, with the verifier it must present. */
    record Authorized(String code, String verifier, URI redirect) {
    }

    Client registerPublic() {
        return register("none", REDIRECT);
    }

    Client register(String method, String... redirectUris) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("redirect_uris", List.of(redirectUris));
        metadata.put("token_endpoint_auth_method", method);
        metadata.put("client_name", "Test Client");
        Map<String, Object> response = server.register(metadata);
        return new Client((String) response.get("client_id"),
                Optional.ofNullable((String) response.get("client_secret")), method, redirectUris[0]);
    }

    /** A public client registered for only the given scopes. */
    Client clientWithScope(String scope) {
        Map<String, Object> response = server.register(Map.of("redirect_uris", List.of(REDIRECT),
                "token_endpoint_auth_method", "none", "scope", scope));
        return new Client((String) response.get("client_id"), Optional.empty(), "none", REDIRECT);
    }

    /** Valid authorization parameters for a client, with the challenge of {@code verifier}. */
    Map<String, String> authorizeParams(Client client, String verifier, String... extra) {
        Map<String, String> params = pairs("response_type", "code", "client_id", client.id(),
                "redirect_uri", client.redirectUri(), "code_challenge", challenge(verifier),
                "code_challenge_method", "S256", "state", "client-state-1");
        params.putAll(pairs(extra));
        return params;
    }

    /** Authorization and login of {@link #USER}: the code the client receives. */
    Authorized authorize(Client client, String... extra) {
        String verifier = newVerifier();
        AuthorizeResult result = server.authorize(authorizeParams(client, verifier, extra));
        assertThat(result).isInstanceOf(AuthorizeResult.LoginRequired.class);
        URI redirect = server.loginFlow().complete(((AuthorizeResult.LoginRequired) result).loginRequestId(),
                USER, PASSWORD);
        return new Authorized(query(redirect).get("code"), verifier, redirect);
    }

    Map<String, Object> exchange(Client client, Authorized code) {
        return server.token(client.form("grant_type", "authorization_code", "code", code.code(),
                "code_verifier", code.verifier(), "redirect_uri", client.redirectUri()), client.header());
    }

    Map<String, Object> refresh(Client client, String refreshToken, String... extra) {
        List<String> all = new ArrayList<>(List.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        all.addAll(List.of(extra));
        return server.token(client.form(all.toArray(String[]::new)), client.header());
    }

    /** Register-free shortcut: authorize, log in and exchange. */
    Map<String, Object> tokens(Client client) {
        return exchange(client, authorize(client));
    }

    BearerResult bearer(Object accessToken) {
        return server.authenticate(Optional.of("Bearer " + accessToken));
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }

    static String newVerifier() {
        return dev.mcpoauth.core.Secrets.newSecret() + "-verifier";
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> pairs(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The decoded query parameters of a URI. */
    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The error code an operation fails with; fails the test when it does not throw one. */
    static OAuthErrorCode errorOf(Runnable operation) {
        try {
            operation.run();
        } catch (OAuthException e) {
            return e.code();
        }
        throw new AssertionError("expected an OAuthException, but the operation succeeded");
    }

    /** Renders a response as the transport would and checks that it holds no null. */
    static String assertRendersWithoutNull(Map<String, ?> response) {
        String json = Json.write(response);
        assertThat(json).as("MCP clients reject null members").doesNotContain(":null");
        return json;
    }
}
