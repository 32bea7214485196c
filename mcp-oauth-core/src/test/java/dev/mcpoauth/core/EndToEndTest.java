package dev.mcpoauth.core;

import dev.mcpoauth.LoginPrompt;
import dev.mcpoauth.OAuthErrorCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mcpoauth.core.Fixture.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole flow as an MCP client drives it, without HTTP, every response rendered as the transport would. */
class EndToEndTest {

    private final Fixture fixture = new Fixture(ServerConfig.builder().port(3000)
            .supportedScopes("mcp", "admin").requiredScopes("mcp").build());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void registerAuthorizeLoginExchangeUseRefreshRevoke() {
        // 1. Discovery: the client finds the authorization server through the resource metadata.
        BearerResult.Challenge first = (BearerResult.Challenge) fixture.server.authenticate(Optional.empty());
        assertThat(first.wwwAuthenticate()).contains("resource_metadata=\"http://localhost:3000/.well-known/"
                + "oauth-protected-resource/mcp\"");
        Map<String, Object> prm = fixture.server.protectedResourceMetadata();
        Map<String, Object> as = fixture.server.authorizationServerMetadata();
        assertThat(((List<?>) prm.get("authorization_servers")).getFirst()).isEqualTo(as.get("issuer"));
        Fixture.assertRendersWithoutNull(prm);
        Fixture.assertRendersWithoutNull(as);

        // 2. Registration of a public native client, as Claude Code or the Inspector do.
        Map<String, Object> registered = fixture.server.register(Json.parseObject(
                "{\"redirect_uris\":[\"http://localhost:6274/oauth/callback\"],\"token_endpoint_auth_method\":"
                        + "\"none\",\"application_type\":\"native\",\"client_name\":\"Inspector\"}"));
        Fixture.assertRendersWithoutNull(registered);
        String clientId = (String) registered.get("client_id");

        // 3. Authorization with PKCE and resource; the browser goes to the login page.
        String verifier = Fixture.newVerifier();
        AuthorizeResult authorize = fixture.server.authorize(Fixture.pairs("response_type", "code",
                "client_id", clientId, "redirect_uri", "http://localhost:6274/oauth/callback",
                "code_challenge", Fixture.challenge(verifier), "code_challenge_method", "S256",
                "state", "xyz", "scope", "mcp", "resource", "http://localhost:3000/mcp"));
        String loginId = ((AuthorizeResult.LoginRequired) authorize).loginRequestId();
        LoginPrompt prompt = fixture.server.loginFlow().prompt(loginId).orElseThrow();
        assertThat(prompt.clientName()).contains("Inspector");
        assertThat(prompt.redirectHost()).isEqualTo("localhost");

        // 4. Login; the browser is sent back with code, state and iss.
        URI back = fixture.server.loginFlow().complete(loginId, Fixture.USER, Fixture.PASSWORD);
        Map<String, String> callback = Fixture.query(back);
        assertThat(callback).containsEntry("state", "xyz").containsEntry("iss", "http://localhost:3000");

        // 5. Code exchange.
        Map<String, String> exchange = Fixture.pairs("grant_type", "authorization_code", "client_id", clientId,
                "code", callback.get("code"), "code_verifier", verifier,
                "redirect_uri", "http://localhost:6274/oauth/callback", "resource", "http://localhost:3000/mcp");
        Map<String, Object> tokens = fixture.server.token(exchange, Optional.empty());
        Fixture.assertRendersWithoutNull(tokens);

        // 6. The MCP endpoint accepts the access token.
        BearerResult use = fixture.bearer(tokens.get("access_token"));
        assertThat(((BearerResult.Authenticated) use).principal().userId()).isEqualTo(Fixture.USER_ID);

        // 7. An hour later (and past the 30 s clock skew) the token has expired; the client refreshes.
        fixture.clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(fixture.bearer(tokens.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
        Map<String, String> refresh = Fixture.pairs("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", (String) tokens.get("refresh_token"));
        Map<String, Object> refreshed = fixture.server.token(refresh, Optional.empty());
        Fixture.assertRendersWithoutNull(refreshed);
        assertThat(fixture.bearer(refreshed.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);

        // 8. A minute later (past the reuse grace) someone replays the old refresh token: the whole family is revoked.
        fixture.clock.advance(Duration.ofSeconds(60));
        assertThat(errorOf(() -> fixture.server.token(refresh, Optional.empty()))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(fixture.bearer(refreshed.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);

        // 9. A fresh login, then the client signs out by revoking its refresh token.
        Fixture.Client client = new Fixture.Client(clientId, Optional.empty(), "none",
                "http://localhost:6274/oauth/callback");
        Map<String, Object> again = fixture.tokens(client);
        assertThat(fixture.bearer(again.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        fixture.server.revoke(Fixture.pairs("client_id", clientId, "token", (String) again.get("refresh_token"),
                "token_type_hint", "refresh_token"), Optional.empty());

        BearerResult after = fixture.bearer(again.get("access_token"));
        assertThat(after).isInstanceOf(BearerResult.Challenge.class);
        assertThat(((BearerResult.Challenge) after).error()).contains(OAuthErrorCode.INVALID_TOKEN);
    }
}
