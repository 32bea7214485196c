package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static dev.mcpoauth.helidon.Attacks.assertTokenAccepted;
import static dev.mcpoauth.helidon.Attacks.assertTokenRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Authorization codes attacked at {@code /token}: replay, theft, expiry and every binding they carry. */
class CodeAttackTest {

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    private static String publicClient() {
        return (String) server.oauth.register("none", null).get("client_id");
    }

    private static Map<String, String> grant(String clientId, String code, Pkce pkce) {
        return new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
                OAuthClient.REDIRECT, "code_verifier", pkce.verifier(), "client_id", clientId));
    }

    @Test
    void codeReplayThenInvalidGrantAndEveryTokenOfTheFirstRedemptionIsRevoked() {
        String clientId = publicClient();
        Pkce pkce = Pkce.create();
        Map<String, String> form = grant(clientId, server.oauth.code(clientId, pkce, null), pkce);
        Map<String, Object> first = Http.json(server.oauth.token(form));
        assertTokenAccepted(server.base, (String) first.get("access_token"));

        assertOAuthError(server.oauth.token(form), 400, "invalid_grant");

        assertTokenRefused(server.base, (String) first.get("access_token"));
        assertOAuthError(server.oauth.token(Map.of("grant_type", "refresh_token", "refresh_token",
                (String) first.get("refresh_token"), "client_id", clientId)), 400, "invalid_grant");
    }

    @Test
    void codeRedeemedByAnotherClientThenInvalidGrant() {
        String victim = publicClient();
        String thief = publicClient();
        Pkce pkce = Pkce.create();
        String code = server.oauth.code(victim, pkce, null);

        assertOAuthError(server.oauth.token(grant(thief, code, pkce)), 400, "invalid_grant");
    }

    @Test
    void unknownCodeThenInvalidGrant() {
        String clientId = publicClient();
        assertOAuthError(server.oauth.token(grant(clientId, "made-up-code", Pkce.create())), 400, "invalid_grant");
    }

    @Test
    void codeWithAnotherRedirectUriThenInvalidGrant() {
        String clientId = publicClient();
        Pkce pkce = Pkce.create();
        Map<String, String> form = grant(clientId, server.oauth.code(clientId, pkce, null), pkce);
        form.put("redirect_uri", "http://127.0.0.1:53682/other");

        assertOAuthError(server.oauth.token(form), 400, "invalid_grant");
    }

    @Test
    void codeWithoutTheRedirectUriTheAuthorizationRequestNamedThenInvalidGrant() {
        String clientId = publicClient();
        Pkce pkce = Pkce.create();
        Map<String, String> form = grant(clientId, server.oauth.code(clientId, pkce, null), pkce);
        form.remove("redirect_uri");

        assertOAuthError(server.oauth.token(form), 400, "invalid_grant");
    }

    @Test
    void codeForAnotherResourceThenInvalidTarget() {
        String clientId = publicClient();
        Pkce pkce = Pkce.create();
        Map<String, String> form = grant(clientId, server.oauth.code(clientId, pkce, null), pkce);
        form.put("resource", "https://evil.example/mcp");

        assertOAuthError(server.oauth.token(form), 400, "invalid_target");
    }

    @Test
    void codeWithARepeatedParameterThenInvalidRequest() {
        String clientId = publicClient();
        Pkce pkce = Pkce.create();
        String code = server.oauth.code(clientId, pkce, null);

        assertOAuthError(Http.post(server.base + "/token", Http.FORM, OAuthClient.form(grant(clientId, code, pkce))
                + "&code=second-code"), 400, "invalid_request");
    }

    @Test
    void confidentialClientWithoutOrWithAWrongSecretThenInvalidClient() {
        Map<String, Object> client = server.oauth.register("client_secret_basic", null);
        String clientId = (String) client.get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, String> form = grant(clientId, server.oauth.code(clientId, pkce, null), pkce);

        assertOAuthError(server.oauth.token(form), 401, "invalid_client");
        HttpResponse<String> wrong = server.oauth.token(form, "Authorization", OAuthClient.basic(clientId, "guessed"));
        assertOAuthError(wrong, 401, "invalid_client");
        assertThat(Http.header(wrong, "WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void grantTypesOtherThanCodeAndRefreshThenUnsupportedGrantType() {
        String clientId = publicClient();
        for (String type : new String[] {"password", "client_credentials", "implicit",
                "urn:ietf:params:oauth:grant-type:device_code"}) {
            assertOAuthError(server.oauth.token(Map.of("grant_type", type, "client_id", clientId, "username", "alice",
                    "password", "wonderland")), 400, "unsupported_grant_type");
        }
        assertOAuthError(server.oauth.token(Map.of("client_id", clientId, "code", "x")), 400, "invalid_request");
    }

    @Test
    void expiredCodeThenInvalidGrant(@TempDir Path own) {
        try (ClockedServer clocked = new ClockedServer(own, b -> b)) {
            OAuthClient client = clocked.client();
            String clientId = (String) client.register("none", null).get("client_id");
            Pkce pkce = Pkce.create();
            String code = client.code(clientId, pkce, null);
            clocked.clock.advance(Duration.ofMinutes(5));

            assertOAuthError(client.token(grant(clientId, code, pkce)), 400, "invalid_grant");
        }
    }
}
