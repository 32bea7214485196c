package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.mcpoauth.helidon.Attacks.assertErrorRedirect;
import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** PKCE (RFC 7636, S256 only) attacked at {@code /authorize} and {@code /token} of the real server. */
class PkceAttackTest {

    @TempDir
    static Path dir;
    static RunningServer server;
    static OAuthClient oauth;
    static String clientId;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir, b -> b, TransportSettings.defaults().withoutRateLimits());
        oauth = server.client();
        clientId = (String) oauth.register("none", null).get("client_id");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> authorize(String pkceParams) {
        return Http.get(server.base + "/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + OAuthClient.enc(OAuthClient.REDIRECT) + "&state=pk" + pkceParams);
    }

    private static HttpResponse<String> redeem(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuthClient.REDIRECT, "client_id", clientId));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return oauth.token(form);
    }

    @Test
    void authorizeWithoutCodeChallengeThenErrorRedirectInvalidRequest() {
        assertThat(assertErrorRedirect(authorize(""), server.base, "invalid_request")).containsEntry("state", "pk");
    }

    @Test
    void authorizeWithPlainMethodThenErrorRedirectInvalidRequest() {
        String verifier = Pkce.create().verifier();
        assertErrorRedirect(authorize("&code_challenge=" + verifier + "&code_challenge_method=plain"), server.base,
                "invalid_request");
    }

    @Test
    void authorizeWithChallengeButNoMethodThenErrorRedirectBecauseTheDefaultIsPlain() {
        assertErrorRedirect(authorize("&code_challenge=" + Pkce.create().challenge()), server.base, "invalid_request");
    }

    @Test
    void authorizeWithMalformedChallengeThenErrorRedirectInvalidRequest() {
        assertErrorRedirect(authorize("&code_challenge=short&code_challenge_method=S256"), server.base, "invalid_request");
        assertErrorRedirect(authorize("&code_challenge=" + "%2B".repeat(43) + "&code_challenge_method=S256"),
                server.base, "invalid_request");
    }

    @Test
    void tokenWithoutVerifierThenInvalidRequest() {
        Pkce pkce = Pkce.create();
        assertOAuthError(redeem(oauth.code(clientId, pkce, null), null), 400, "invalid_request");
    }

    @Test
    void tokenWithWrongVerifierThenInvalidGrant() {
        Pkce pkce = Pkce.create();
        assertOAuthError(redeem(oauth.code(clientId, pkce, null), Pkce.create().verifier()), 400, "invalid_grant");
    }

    @Test
    void tokenWithTheChallengeAsVerifierThenInvalidGrantNoPlainDowngrade() {
        Pkce pkce = Pkce.create();
        assertOAuthError(redeem(oauth.code(clientId, pkce, null), pkce.challenge()), 400, "invalid_grant");
    }

    @Test
    void tokenWithVerifierOfBadLengthOrCharactersThenInvalidGrantAndTheCodeSurvives() {
        Pkce pkce = Pkce.create();
        String code = oauth.code(clientId, pkce, null);

        assertOAuthError(redeem(code, "a".repeat(42)), 400, "invalid_grant");
        assertOAuthError(redeem(code, "a".repeat(129)), 400, "invalid_grant");
        assertOAuthError(redeem(code, "a".repeat(42) + "!"), 400, "invalid_grant");
        assertThat(redeem(code, pkce.verifier()).statusCode())
                .as("a verifier that cannot match is refused before the code is spent").isEqualTo(200);
    }

    @Test
    void tokenWithWrongButWellFormedVerifierThenTheCodeIsSpentForEveryone() {
        Pkce pkce = Pkce.create();
        String code = oauth.code(clientId, pkce, null);

        assertOAuthError(redeem(code, Pkce.create().verifier()), 400, "invalid_grant");
        assertOAuthError(redeem(code, pkce.verifier()), 400, "invalid_grant");
    }
}
