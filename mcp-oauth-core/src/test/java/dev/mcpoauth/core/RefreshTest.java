package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.mcpoauth.core.Fixture.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

class RefreshTest {

    private final Fixture fixture = new Fixture(ServerConfig.builder().supportedScopes("read", "write")
            .refreshTokenLifetime(Duration.ofDays(30)).grantLifetime(Duration.ofDays(45)).build());
    private final Fixture.Client client = fixture.register("client_secret_basic", Fixture.REDIRECT);

    @AfterEach
    void close() {
        fixture.close();
    }

    private String refreshToken() {
        return (String) fixture.tokens(client).get("refresh_token");
    }

    @Test
    void refreshWhenValidThenRotatesAndTheOldTokenStopsWorking() {
        String first = refreshToken();

        Map<String, Object> response = fixture.refresh(client, first);

        String second = (String) response.get("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(response).containsEntry("scope", "read write").containsEntry("token_type", "Bearer")
                .containsKey("access_token");
        assertThat(fixture.bearer(response.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        Fixture.assertRendersWithoutNull(response);
        assertThat(fixture.refresh(client, second)).containsKey("refresh_token");
    }

    @Test
    void refreshWhenRotatedTokenReusedAfterTheGraceThenTheWholeFamilyIsRevoked() {
        String first = refreshToken();
        Map<String, Object> rotated = fixture.refresh(client, first);
        assertThat(fixture.bearer(rotated.get("access_token")))
                .as("in use, so remembered as active").isInstanceOf(BearerResult.Authenticated.class);
        fixture.clock.advance(Duration.ofSeconds(60));

        assertThat(errorOf(() -> fixture.refresh(client, first))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertFamilyRevoked(fixture, client, rotated);
    }

    @Test
    void refreshWhenRepeatedWithinTheGraceThenTheSameSuccessorAndEveryAccessTokenWorks() {
        String first = refreshToken();
        Map<String, Object> rotated = fixture.refresh(client, first);
        fixture.clock.advance(Duration.ofSeconds(59));

        Map<String, Object> repeated = fixture.refresh(client, first);

        assertThat(repeated.get("refresh_token")).as("a repeat converges on the first answer's refresh token")
                .isEqualTo(rotated.get("refresh_token"));
        assertThat(repeated.get("access_token")).isNotEqualTo(rotated.get("access_token"));
        assertThat(repeated).containsEntry("scope", "read write").containsEntry("token_type", "Bearer");
        assertThat(fixture.bearer(rotated.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        assertThat(fixture.bearer(repeated.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        assertThat(fixture.refresh(client, (String) repeated.get("refresh_token")))
                .as("the shared successor still rotates").containsKey("refresh_token");
    }

    @Test
    void refreshWhenTokenTwoRotationsOldWithinTheGraceThenTheWholeFamilyIsRevoked() {
        String first = refreshToken();
        Map<String, Object> second = fixture.refresh(client, first);
        Map<String, Object> third = fixture.refresh(client, (String) second.get("refresh_token"));

        assertThat(errorOf(() -> fixture.refresh(client, first))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertFamilyRevoked(fixture, client, third);
    }

    @Test
    void refreshWhenRepeatedByAnotherClientWithinTheGraceThenTheWholeFamilyIsRevoked() {
        String first = refreshToken();
        Map<String, Object> rotated = fixture.refresh(client, first);
        Fixture.Client thief = fixture.register("client_secret_basic", Fixture.REDIRECT);

        assertThat(errorOf(() -> fixture.refresh(thief, first))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertFamilyRevoked(fixture, client, rotated);
    }

    @Test
    void refreshWhenGraceIsZeroThenAnImmediateRepeatRevokesTheFamily() {
        try (Fixture strict = new Fixture(ServerConfig.builder().refreshReuseGrace(Duration.ZERO).build())) {
            Fixture.Client c = strict.registerPublic();
            String first = (String) strict.tokens(c).get("refresh_token");
            Map<String, Object> rotated = strict.refresh(c, first);

            assertThat(errorOf(() -> strict.refresh(c, first))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

            assertFamilyRevoked(strict, c, rotated);
        }
    }

    @Test
    void refreshAskingOfflineAccessOfAGrantWithoutItThenLeftOutNotRefused() {
        Map<String, Object> response = fixture.refresh(client, refreshToken(), "scope", "read offline_access");

        assertThat(response).as("2026-07-28 clients may add offline_access to any token request")
                .containsEntry("scope", "read");
        assertThat(errorOf(() -> fixture.refresh(client, (String) response.get("refresh_token"), "scope", "admin")))
                .as("other scopes still may only narrow").isEqualTo(OAuthErrorCode.INVALID_SCOPE);
    }

    @Test
    void refreshWhenResourceIsAnotherServersThenInvalidTargetAndTokenNotSpent() {
        String token = refreshToken();

        assertThat(errorOf(() -> fixture.refresh(client, token, "resource", "https://elsewhere.example/mcp")))
                .isEqualTo(OAuthErrorCode.INVALID_TARGET);
        assertThat(fixture.refresh(client, token, "resource", fixture.server.config().resource()))
                .containsKey("access_token");
    }

    private static void assertFamilyRevoked(Fixture f, Fixture.Client c, Map<String, Object> latest) {
        assertThat(errorOf(() -> f.refresh(c, (String) latest.get("refresh_token"))))
                .as("the current token of a revoked family is dead too").isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(f.bearer(latest.get("access_token")))
                .as("refused at once, not after the revocation-check interval").isInstanceOf(BearerResult.Challenge.class);
    }

    @Test
    void refreshWhenScopeNarrowsThenOnlyTheAccessTokenNarrows() {
        String first = refreshToken();

        Map<String, Object> narrowed = fixture.refresh(client, first, "scope", "read");
        Map<String, Object> again = fixture.refresh(client, (String) narrowed.get("refresh_token"));

        assertThat(narrowed).containsEntry("scope", "read");
        assertThat(again).as("the grant keeps its scopes (RFC 6749 §6)").containsEntry("scope", "read write");
    }

    @Test
    void refreshWhenScopeWidensThenInvalidScopeAndTokenNotSpent() {
        try (Fixture f = new Fixture(ServerConfig.builder().supportedScopes("read", "write").build())) {
            Fixture.Client c = f.registerPublic();
            String verifier = Fixture.newVerifier();
            String id = ((AuthorizeResult.LoginRequired) f.server.authorize(
                    f.authorizeParams(c, verifier, "scope", "read"))).loginRequestId();
            String code = Fixture.query(f.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD)).get("code");
            String refresh = (String) f.exchange(c, new Fixture.Authorized(code, verifier, null)).get("refresh_token");

            assertThat(errorOf(() -> f.refresh(c, refresh, "scope", "read write"))).isEqualTo(OAuthErrorCode.INVALID_SCOPE);
            assertThat(f.refresh(c, refresh)).containsEntry("scope", "read");
        }
    }

    @Test
    void refreshWhenTokenOfAnotherClientThenInvalidGrantAndTokenNotSpent() {
        String token = refreshToken();
        Fixture.Client other = fixture.register("client_secret_basic", Fixture.REDIRECT);

        assertThat(errorOf(() -> fixture.refresh(other, token))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(fixture.refresh(client, token)).containsKey("access_token");
    }

    @Test
    void refreshWhenUnknownOrMissingThenInvalidGrantOrInvalidRequest() {
        assertThat(errorOf(() -> fixture.refresh(client, "unknown"))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(errorOf(() -> fixture.refresh(client, ""))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void refreshWhenTokenExpiredThenInvalidGrant() {
        String token = refreshToken();
        fixture.clock.advance(Duration.ofDays(30));

        assertThat(errorOf(() -> fixture.refresh(client, token))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void refreshWhenGrantPastItsAbsoluteLifetimeThenInvalidGrantEvenWithAFreshToken() {
        String token = refreshToken();
        fixture.clock.advance(Duration.ofDays(29));
        String fresh = (String) fixture.refresh(client, token).get("refresh_token");
        fixture.clock.advance(Duration.ofDays(16));

        assertThat(errorOf(() -> fixture.refresh(client, fresh))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void refreshWhenClientAuthenticationFailsThenInvalidClient() {
        String token = refreshToken();

        assertThat(errorOf(() -> fixture.server.token(Fixture.pairs("grant_type", "refresh_token",
                "refresh_token", token), java.util.Optional.of(Fixture.basic(client.id(), "wrong")))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }
}
