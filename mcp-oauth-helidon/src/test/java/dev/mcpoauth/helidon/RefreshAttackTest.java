package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static dev.mcpoauth.helidon.Attacks.assertTokenAccepted;
import static dev.mcpoauth.helidon.Attacks.assertTokenRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens attacked: reuse after rotation, theft by another client, scope escalation, revocation, expiry. */
class RefreshAttackTest {

    @RegisterExtension
    static final SharedServer server = SharedServer.create(b -> b.supportedScopes("mcp", "admin"));

    private static HttpResponse<String> refresh(String clientId, String refreshToken, String... extra) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", clientId));
        for (int i = 0; i < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        return server.oauth.token(form);
    }

    /** Tokens of a public client registered for {@code mcp} only. */
    private static Map<String, Object> mcpOnlyTokens() {
        String clientId = (String) server.oauth.register("none", "mcp").get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, Object> tokens = new java.util.LinkedHashMap<>(server.oauth.exchangePublic(clientId,
                server.oauth.code(clientId, pkce, null), pkce));
        tokens.put("client_id", clientId);
        return tokens;
    }

    @Test
    void reuseOfARotatedRefreshTokenAfterTheGraceThenInvalidGrantAndTheWholeFamilyIsRevoked(@TempDir Path own) {
        try (ClockedServer clocked = new ClockedServer(own, b -> b)) {
            OAuthClient client = clocked.client();
            Map<String, Object> first = client.publicTokens();
            Map<String, String> reuse = Map.of("grant_type", "refresh_token", "refresh_token",
                    (String) first.get("refresh_token"), "client_id", (String) first.get("client_id"));
            Map<String, Object> second = Http.json(client.token(reuse));
            assertTokenAccepted(clocked.base, (String) second.get("access_token"));
            clocked.clock.advance(Duration.ofSeconds(60));

            assertOAuthError(client.token(reuse), 400, "invalid_grant");

            assertTokenRefused(clocked.base, (String) second.get("access_token"));
            assertOAuthError(client.token(Map.of("grant_type", "refresh_token", "refresh_token",
                    (String) second.get("refresh_token"), "client_id", (String) first.get("client_id"))),
                    400, "invalid_grant");
        }
    }

    @Test
    void refreshTokenUsedByAnotherClientThenInvalidGrantAndTheOwnerKeepsIt() {
        Map<String, Object> victim = server.oauth.publicTokens();
        String thief = (String) server.oauth.register("none", null).get("client_id");

        assertOAuthError(refresh(thief, (String) victim.get("refresh_token")), 400, "invalid_grant");

        assertThat(refresh((String) victim.get("client_id"), (String) victim.get("refresh_token")).statusCode())
                .as("a refused thief does not spend the owner's token").isEqualTo(200);
    }

    @Test
    void refreshAskingForMoreScopeThanGrantedThenInvalidScope() {
        Map<String, Object> tokens = mcpOnlyTokens();
        assertOAuthError(refresh((String) tokens.get("client_id"), (String) tokens.get("refresh_token"),
                "scope", "mcp admin"), 400, "invalid_scope");
        assertOAuthError(refresh((String) tokens.get("client_id"), (String) tokens.get("refresh_token"),
                "scope", "admin"), 400, "invalid_scope");
        assertThat(refresh((String) tokens.get("client_id"), (String) tokens.get("refresh_token"), "scope", "mcp")
                .statusCode()).as("an escalation attempt does not spend the token").isEqualTo(200);
    }

    @Test
    void authorizeAskingForAScopeTheClientDidNotRegisterThenErrorRedirectInvalidScope() {
        String clientId = (String) server.oauth.register("none", "mcp").get("client_id");
        Attacks.assertErrorRedirect(server.oauth.authorize(clientId, Pkce.create(), "s", "scope=admin"), server.base,
                "invalid_scope");
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokensAndItsFamily() {
        Map<String, Object> tokens = server.oauth.publicTokens();
        String clientId = (String) tokens.get("client_id");

        HttpResponse<String> revoked = Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of(
                "token", (String) tokens.get("refresh_token"), "token_type_hint", "refresh_token", "client_id", clientId)));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertTokenRefused(server.base, (String) tokens.get("access_token"));
        assertOAuthError(refresh(clientId, (String) tokens.get("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void unknownOrMissingRefreshTokenThenInvalidGrantOrInvalidRequest() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        assertOAuthError(refresh(clientId, "made-up-refresh-token"), 400, "invalid_grant");
        assertOAuthError(server.oauth.token(Map.of("grant_type", "refresh_token", "client_id", clientId)), 400, "invalid_request");
    }

    @Test
    void refreshByAClientThatDidNotRegisterTheGrantThenUnauthorizedClient() {
        HttpResponse<String> registered = Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\""
                + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\"]}");
        String clientId = (String) Http.json(registered).get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, Object> tokens = server.oauth.exchangePublic(clientId, server.oauth.code(clientId, pkce, null), pkce);

        assertThat(tokens).as("no refresh token for a client without the grant").doesNotContainKey("refresh_token");
        assertOAuthError(refresh(clientId, "anything"), 400, "unauthorized_client");
    }

    @Test
    void expiredRefreshTokenThenInvalidGrant(@TempDir Path own) {
        try (ClockedServer clocked = new ClockedServer(own, b -> b.refreshTokenLifetime(Duration.ofHours(1)))) {
            Map<String, Object> tokens = clocked.client().publicTokens();
            clocked.clock.advance(Duration.ofHours(1));

            assertOAuthError(clocked.client().token(Map.of("grant_type", "refresh_token", "refresh_token",
                    (String) tokens.get("refresh_token"), "client_id", (String) tokens.get("client_id"))),
                    400, "invalid_grant");
        }
    }
}
