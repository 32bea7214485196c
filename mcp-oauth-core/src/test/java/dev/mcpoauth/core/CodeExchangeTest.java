package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.mcpoauth.core.Fixture.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

class CodeExchangeTest {

    private final Fixture fixture = new Fixture();
    private final Fixture.Client client = fixture.registerPublic();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, Object> token(Fixture.Authorized code, String... overrides) {
        Map<String, String> form = client.form("grant_type", "authorization_code", "code", code.code(),
                "code_verifier", code.verifier(), "redirect_uri", client.redirectUri());
        form.putAll(Fixture.pairs(overrides));
        form.values().removeIf(String::isEmpty);
        return fixture.server.token(form, client.header());
    }

    @Test
    void exchangeWhenValidThenReturnsBearerTokensWithoutNulls() {
        Map<String, Object> tokens = token(fixture.authorize(client));

        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600L)
                .containsEntry("scope", "mcp").containsKeys("access_token", "refresh_token");
        assertThat((String) tokens.get("refresh_token")).hasSizeGreaterThanOrEqualTo(43);
        Fixture.assertRendersWithoutNull(tokens);
    }

    @Test
    void exchangeWhenResourceSentAndCanonicalThenAccepted() {
        assertThat(token(fixture.authorize(client), "resource", "http://localhost:3000/mcp")).containsKey("access_token");
    }

    @Test
    void exchangeWhenResourceIsAnotherThenInvalidTargetAndCodeStillUsable() {
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> token(code, "resource", "https://elsewhere.example/mcp")))
                .isEqualTo(OAuthErrorCode.INVALID_TARGET);
        assertThat(token(code)).containsKey("access_token");
    }

    @Test
    void exchangeWhenCodeUnknownThenInvalidGrant() {
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> token(code, "code", "not-a-code"))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenCodeOrVerifierMissingThenInvalidRequest() {
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> token(code, "code", ""))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(errorOf(() -> token(code, "code_verifier", ""))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void exchangeWhenVerifierWrongThenInvalidGrant() {
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> token(code, "code_verifier", Fixture.newVerifier())))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenVerifierMalformedThenInvalidGrantBeforeTheCodeIsSpent() {
        Fixture.Authorized code = fixture.authorize(client);

        for (String bad : List.of("short", "a".repeat(129), "a".repeat(42) + "!", "a".repeat(43) + " ")) {
            assertThat(errorOf(() -> token(code, "code_verifier", bad))).as(bad).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        }
        assertThat(token(code)).containsKey("access_token");
    }

    @Test
    void exchangeWhenVerifierIsTheChallengeItselfThenInvalidGrant() {
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> token(code, "code_verifier", Fixture.challenge(code.verifier()))))
                .as("plain PKCE must not work").isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenCodeExpiredThenInvalidGrant() {
        Fixture.Authorized code = fixture.authorize(client);
        fixture.clock.advance(Duration.ofMinutes(5));

        assertThat(errorOf(() -> token(code))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeJustBeforeExpiryThenSucceeds() {
        Fixture.Authorized code = fixture.authorize(client);
        fixture.clock.advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(token(code)).containsKey("access_token");
    }

    @Test
    void exchangeWhenCodeBelongsToAnotherClientThenInvalidGrant() {
        Fixture.Client other = fixture.registerPublic();
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> fixture.server.token(other.form("grant_type", "authorization_code",
                "code", code.code(), "code_verifier", code.verifier(), "redirect_uri", Fixture.REDIRECT),
                other.header()))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenRedirectUriDiffersOrMissingAfterExplicitThenInvalidGrant() {
        Fixture.Authorized code = fixture.authorize(client);
        Fixture.Authorized second = fixture.authorize(client);

        assertThat(errorOf(() -> token(code, "redirect_uri", "http://127.0.0.1:9999/callback")))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(errorOf(() -> token(second, "redirect_uri", ""))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenRedirectUriWasImplicitThenItMayBeOmitted() {
        String verifier = Fixture.newVerifier();
        Map<String, String> params = fixture.authorizeParams(client, verifier);
        params.remove("redirect_uri");
        String id = ((AuthorizeResult.LoginRequired) fixture.server.authorize(params)).loginRequestId();
        String code = Fixture.query(fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD)).get("code");

        assertThat(token(new Fixture.Authorized(code, verifier, null), "redirect_uri", "")).containsKey("access_token");
    }

    @Test
    void exchangeWhenLoopbackPortDiffersFromRegisteredThenTheAuthorizedPortMustBeRepeated() {
        String verifier = Fixture.newVerifier();
        String id = ((AuthorizeResult.LoginRequired) fixture.server.authorize(fixture.authorizeParams(client, verifier,
                "redirect_uri", "http://127.0.0.1:40000/callback"))).loginRequestId();
        String code = Fixture.query(fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD)).get("code");
        Fixture.Authorized authorized = new Fixture.Authorized(code, verifier, null);

        assertThat(token(authorized, "redirect_uri", "http://127.0.0.1:40000/callback")).containsKey("access_token");
    }

    @Test
    void exchangeWhenCodeReusedThenInvalidGrantAndTokensOfTheFirstExchangeAreRevoked() {
        Fixture.Authorized code = fixture.authorize(client);
        Map<String, Object> first = token(code);
        assertThat(fixture.bearer(first.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);

        assertThat(errorOf(() -> token(code))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(fixture.bearer(first.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
        assertThat(errorOf(() -> fixture.refresh(client, (String) first.get("refresh_token"))))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenClientRegisteredWithoutRefreshGrantThenNoRefreshToken() {
        Map<String, Object> response = fixture.server.register(Map.of("redirect_uris", List.of(Fixture.REDIRECT),
                "token_endpoint_auth_method", "none", "grant_types", List.of("authorization_code")));
        Fixture.Client noRefresh = new Fixture.Client((String) response.get("client_id"),
                java.util.Optional.empty(), "none", Fixture.REDIRECT);

        Map<String, Object> tokens = fixture.tokens(noRefresh);

        assertThat(tokens).containsKey("access_token").doesNotContainKey("refresh_token");
        assertThat(errorOf(() -> fixture.refresh(noRefresh, "anything"))).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT);
    }

    @Test
    void exchangeWhenNoScopesThenResponseOmitsScope() {
        try (Fixture unscoped = new Fixture(ServerConfig.builder().supportedScopes(java.util.Set.of()).build())) {
            Fixture.Client c = unscoped.registerPublic();

            Map<String, Object> tokens = unscoped.tokens(c);

            assertThat(tokens).doesNotContainKey("scope");
            Fixture.assertRendersWithoutNull(tokens);
        }
    }
}
