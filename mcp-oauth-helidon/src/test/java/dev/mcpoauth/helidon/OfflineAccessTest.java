package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that add {@code offline_access} (some do when the authorization server lists it; MCP
 * 2026-07-28 "Refresh Tokens" allows it) sign in against the real server: the authorization server
 * metadata lists it, the protected resource metadata and the 401 challenge do not; registration and
 * {@code /authorize} accept it; it is granted to clients of the {@code refresh_token} grant and left
 * out for others; refresh tokens go to clients of that grant whether they asked for it or not.
 */
class OfflineAccessTest {

    @TempDir
    static Path dir;
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir, b -> b.supportedScopes("mcp", "files"),
                TransportSettings.defaults().withoutRateLimits());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A client's token response, with its id under {@code client_id}. */
    private static Map<String, Object> signIn(String registration, String scope) {
        OAuthClient oauth = server.client();
        String clientId = (String) oauth.registerJson(registration).get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, String> back = oauth.login(clientId, OAuthClient.REDIRECT, pkce,
                scope == null ? null : "scope=" + OAuthClient.enc(scope));
        assertThat(back).containsKey("code");
        HttpResponse<String> token = oauth.exchange(clientId, OAuthClient.REDIRECT, back.get("code"), pkce);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Map<String, Object> tokens = new java.util.LinkedHashMap<>(Http.json(token));
        tokens.put("client_id", clientId);
        return tokens;
    }

    private static String registration(String extra) {
        return "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"" + extra + "}";
    }

    @Test
    void discoveryListsOfflineAccessOnlyInTheAuthorizationServerMetadata() {
        Map<String, Object> as = Http.json(Http.get(server.base + "/.well-known/oauth-authorization-server"));
        Map<String, Object> prm = Http.json(Http.get(server.base + "/.well-known/oauth-protected-resource/mcp"));
        HttpResponse<String> challenge = Http.post(server.mcp(), Http.JSON, McpGateTest.INITIALIZE,
                "Accept", McpGateTest.ACCEPT);

        assertThat(as.get("scopes_supported")).isEqualTo(List.of("mcp", "files", "offline_access"));
        assertThat(prm.get("scopes_supported")).as("refresh tokens are no resource requirement")
                .isEqualTo(List.of("mcp", "files"));
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(Http.header(challenge, "WWW-Authenticate")).as("the challenge names the default scopes")
                .endsWith(", scope=\"mcp files\"").doesNotContain("offline_access");
    }

    @Test
    void registerAndAuthorizeWithOfflineAccessThenGrantedWithARefreshTokenThatWorks() {
        HttpResponse<String> registered = Http.post(server.base + "/register", Http.JSON,
                registration(",\"scope\":\"mcp offline_access\""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Http.json(registered)).containsEntry("scope", "mcp offline_access");

        Map<String, Object> tokens = signIn(registration(",\"scope\":\"mcp offline_access\""), "mcp offline_access");
        HttpResponse<String> refreshed = server.client().token(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) tokens.get("refresh_token"), "client_id", (String) tokens.get("client_id")));
        HttpResponse<String> mcp = Http.post(server.mcp(), Http.JSON, McpGateTest.INITIALIZE, "Accept",
                McpGateTest.ACCEPT, "Authorization", "Bearer " + tokens.get("access_token"));

        assertThat(tokens).containsEntry("scope", "mcp offline_access").containsKey("refresh_token");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(mcp.statusCode()).as(mcp.body()).isEqualTo(200);
    }

    /** Registration members, the scope asked at /authorize, the scope granted, whether a refresh token comes. */
    static Stream<Arguments> grants() {
        return Stream.of(
                Arguments.of("registered without scope", "", "files offline_access", "files offline_access", true),
                Arguments.of("asking only offline_access", "", "offline_access", "mcp files offline_access", true),
                Arguments.of("without the refresh_token grant", ",\"grant_types\":[\"authorization_code\"]",
                        "mcp offline_access", "mcp", false),
                Arguments.of("not asking offline_access", "", "mcp", "mcp", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grants")
    void authorizeThenOfflineAccessGrantedToRefreshClientsAndRefreshTokensIndependentOfIt(
            String name, String registrationMembers, String asked, String granted, boolean refreshToken) {
        Map<String, Object> tokens = signIn(registration(registrationMembers), asked);

        assertThat(tokens).containsEntry("scope", granted);
        assertThat(tokens.containsKey("refresh_token")).as("a refresh token exactly for refresh_token clients")
                .isEqualTo(refreshToken);
    }

    @Test
    void authorizeWithAnUnknownScopeBesideOfflineAccessThenStillInvalidScope() {
        OAuthClient oauth = server.client();
        String clientId = (String) oauth.registerJson(registration("")).get("client_id");
        HttpResponse<String> response = oauth.authorize(clientId, Pkce.create(), "s", "scope="
                + OAuthClient.enc("admin offline_access"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(OAuthClient.query(java.net.URI.create(Http.header(response, "Location"))))
                .containsEntry("error", "invalid_scope").containsEntry("iss", server.base).containsEntry("state", "s");
    }
}
