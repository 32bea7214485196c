package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static dev.mcpoauth.helidon.Attacks.assertTokenAccepted;
import static dev.mcpoauth.helidon.Attacks.assertTokenRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens attacked at the MCP endpoint: forged with jose4j (the server's own key with one claim
 * wrong, another key, {@code alg: none}, HMAC with the public key), tampered, expired, revoked, and
 * tokens of the wrong kind. Every one gets 401 {@code invalid_token}.
 */
class TokenAttackTest {

    @TempDir
    static Path dir;
    static RunningServer server;
    static OAuthClient oauth;
    static ForgedTokens forge;
    static Map<String, Object> tokens;
    static String accessToken;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir, b -> b, TransportSettings.defaults().withoutRateLimits());
        oauth = server.client();
        forge = new ForgedTokens(server.store);
        tokens = oauth.publicTokens();
        accessToken = (String) tokens.get("access_token");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> claims() {
        return ForgedTokens.claimsOf(accessToken);
    }

    @Test
    void theRealTokenSignedAgainByTheServerKeyIsAcceptedSoEveryRefusalBelowIsAboutOneClaim() {
        assertTokenAccepted(server.base, accessToken);
        assertTokenAccepted(server.base, forge.withServerKey(claims(), "at+jwt"));
    }

    @Test
    void tokenForAnotherAudienceThenInvalidToken() {
        Map<String, Object> claims = claims();
        claims.put("aud", "https://other-server.example/mcp");
        assertTokenRefused(server.base, forge.withServerKey(claims, "at+jwt"));
    }

    @Test
    void tokenFromAnotherIssuerThenInvalidToken() {
        Map<String, Object> claims = claims();
        claims.put("iss", "https://evil.example");
        assertTokenRefused(server.base, forge.withServerKey(claims, "at+jwt"));
    }

    @Test
    void expiredTokenThenInvalidToken() {
        Map<String, Object> claims = claims();
        long past = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
        claims.put("iat", past - 3600);
        claims.put("exp", past);
        assertTokenRefused(server.base, forge.withServerKey(claims, "at+jwt"));
    }

    @Test
    void tokenWithoutExpiryOrSubjectOrGrantThenInvalidToken() {
        for (String claim : new String[] {"exp", "sub", "jti", "grant_id", "client_id"}) {
            Map<String, Object> claims = claims();
            claims.remove(claim);
            assertTokenRefused(server.base, forge.withServerKey(claims, "at+jwt"));
        }
    }

    @Test
    void tokenOfAnotherTypeThenInvalidToken() {
        assertTokenRefused(server.base, forge.withServerKey(claims(), "JWT"));
    }

    @Test
    void tokenSignedWithAnotherKeyUnderTheServersKeyIdThenInvalidToken() {
        assertTokenRefused(server.base, forge.withOtherKey(claims()));
    }

    @Test
    void tokenWithAlgNoneThenInvalidToken() {
        String kid = (String) ForgedTokens.headerOf(accessToken).get("kid");
        assertTokenRefused(server.base, ForgedTokens.unsigned(claims(), kid));
        assertTokenRefused(server.base, ForgedTokens.unsigned(claims(), kid) + "c2ln");
    }

    @Test
    void tokenSignedWithHmacUsingThePublicKeyAsSecretThenInvalidToken() {
        assertTokenRefused(server.base, forge.withPublicKeyAsHmacSecret(claims()));
    }

    @Test
    void tokenWithATamperedPayloadAndTheOriginalSignatureThenInvalidToken() {
        Map<String, Object> claims = claims();
        claims.put("scope", "mcp admin");
        claims.put("sub", "user-root");
        assertTokenRefused(server.base, ForgedTokens.withPayload(accessToken, claims));
    }

    @Test
    void tokenForAGrantThatDoesNotExistThenInvalidToken() {
        Map<String, Object> claims = claims();
        claims.put("grant_id", "invented-grant");
        assertTokenRefused(server.base, forge.withServerKey(claims, "at+jwt"));
    }

    @Test
    void malformedBearerCredentialsThenInvalidToken() {
        for (String token : new String[] {"garbage", "a.b", "a.b.c", "a.b.c.d.e", "....", "e30.e30.e30",
                accessToken.substring(0, accessToken.length() - 2)}) {
            assertTokenRefused(server.base, token);
        }
    }

    @Test
    void refreshTokenPresentedAsBearerThenInvalidTokenAndAccessTokenAsRefreshTokenThenInvalidGrant() {
        assertTokenRefused(server.base, (String) tokens.get("refresh_token"));
        assertOAuthError(oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", accessToken,
                "client_id", (String) tokens.get("client_id"))), 400, "invalid_grant");
    }

    @Test
    void revokedAccessTokenThenInvalidTokenWhileItsGrantLivesOn() {
        Map<String, Object> own = oauth.publicTokens();
        String token = (String) own.get("access_token");
        HttpResponse<String> revoked = Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of(
                "token", token, "client_id", (String) own.get("client_id"))));
        assertThat(revoked.statusCode()).isEqualTo(200);

        assertTokenRefused(server.base, token);
        HttpResponse<String> refreshed = oauth.token(Map.of("grant_type", "refresh_token", "refresh_token",
                (String) own.get("refresh_token"), "client_id", (String) own.get("client_id")));
        assertThat(refreshed.statusCode()).as("revoking one access token leaves the grant").isEqualTo(200);
    }

    @Test
    void revocationByAnotherClientThen200ButTheTokenStillWorks() {
        Map<String, Object> own = oauth.publicTokens();
        String other = (String) oauth.register("none", null).get("client_id");

        HttpResponse<String> response = Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of(
                "token", (String) own.get("access_token"), "client_id", other)));

        assertThat(response.statusCode()).as("RFC 7009: 200 for tokens the caller does not own").isEqualTo(200);
        assertTokenAccepted(server.base, (String) own.get("access_token"));
    }

    @Test
    void introspectionByAPublicClientThenInvalidClientAndByAnotherClientThenInactive() {
        Map<String, Object> confidential = oauth.register("client_secret_post", null);
        HttpResponse<String> byPublic = Http.post(server.base + "/introspect", Http.FORM, OAuthClient.form(Map.of(
                "token", accessToken, "client_id", (String) tokens.get("client_id"))));
        HttpResponse<String> byOther = Http.post(server.base + "/introspect", Http.FORM, OAuthClient.form(Map.of(
                "token", accessToken, "client_id", (String) confidential.get("client_id"),
                "client_secret", (String) confidential.get("client_secret"))));

        assertOAuthError(byPublic, 401, "invalid_client");
        assertThat(byOther.statusCode()).isEqualTo(200);
        assertThat(Http.json(byOther)).isEqualTo(Map.of("active", false));
    }

    @Test
    void expiredAccessTokenMintedByTheServerThenInvalidToken(@TempDir Path own) {
        try (ClockedServer clocked = new ClockedServer(own, b -> b.accessTokenLifetime(Duration.ofMinutes(5)))) {
            String token = (String) clocked.client().publicTokens().get("access_token");
            assertTokenAccepted(clocked.base, token);
            clocked.clock.advance(Duration.ofMinutes(6));

            assertTokenRefused(clocked.base, token);
        }
    }
}
