package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /token}, {@code /revoke} and {@code /introspect} over HTTP, with every client authentication method. */
class TokenEndpointTest {

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    private static Map<String, String> codeGrant(String code, Pkce pkce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", OAuthClient.REDIRECT);
        form.put("code_verifier", pkce.verifier());
        return form;
    }

    @Test
    void tokenWithPublicClientThenBearerTokensWithNoStoreAndNoNulls() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, String> form = codeGrant(server.oauth.code(clientId, pkce, null), pkce);
        form.put("client_id", clientId);
        form.put("resource", server.mcp());

        HttpResponse<String> response = server.oauth.token(form, "Origin", "http://localhost:6274");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("token_type", "Bearer").containsKey("access_token")
                .containsKey("refresh_token").containsKey("expires_in").containsEntry("scope", "mcp");
        assertThat(response.body()).doesNotContain("null");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(Http.header(response, "Pragma")).isEqualTo("no-cache");
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void tokenWithClientSecretBasicAndNoClientIdInTheBodyThenIssues() {
        Map<String, Object> client = server.oauth.register("client_secret_basic", null);
        String clientId = (String) client.get("client_id");
        Pkce pkce = Pkce.create();

        HttpResponse<String> response = server.oauth.token(codeGrant(server.oauth.code(clientId, pkce, null), pkce),
                "Authorization", OAuthClient.basic(clientId, (String) client.get("client_secret")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response)).containsKey("access_token");
    }

    @Test
    void tokenWithClientSecretPostThenIssues() {
        Map<String, Object> client = server.oauth.register("client_secret_post", null);
        String clientId = (String) client.get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, String> form = codeGrant(server.oauth.code(clientId, pkce, null), pkce);
        form.put("client_id", clientId);
        form.put("client_secret", (String) client.get("client_secret"));

        HttpResponse<String> response = server.oauth.token(form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void tokenWithWrongBasicSecretThen401InvalidClientWithABasicChallenge() {
        String clientId = (String) server.oauth.register("client_secret_basic", null).get("client_id");

        HttpResponse<String> response = server.oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", "x"),
                "Authorization", OAuthClient.basic(clientId, "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("error", "invalid_client");
        assertThat(Http.header(response, "WWW-Authenticate")).startsWith("Basic realm=\"Test App\"");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void tokenWithUnknownPublicClientThen401InvalidClientWithoutBasicChallenge() {
        HttpResponse<String> response = server.oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", "x",
                "client_id", "gone"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("error", "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void tokenWhenCodeIsReusedThen400InvalidGrant() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, String> form = codeGrant(server.oauth.code(clientId, pkce, null), pkce);
        form.put("client_id", clientId);
        assertThat(server.oauth.token(form).statusCode()).isEqualTo(200);

        HttpResponse<String> again = server.oauth.token(form);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Http.json(again)).containsEntry("error", "invalid_grant");
    }

    @Test
    void tokenWithJsonBodyThen400InvalidRequest() {
        HttpResponse<String> response = Http.post(server.base + "/token", Http.JSON, "{\"grant_type\":\"refresh_token\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void tokenWithRepeatedParameterThen400InvalidRequest() {
        HttpResponse<String> response = Http.post(server.base + "/token", Http.FORM,
                "grant_type=refresh_token&grant_type=authorization_code&client_id=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void tokenWithUnsupportedGrantThen400() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");

        HttpResponse<String> response = server.oauth.token(Map.of("grant_type", "password", "client_id", clientId));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void tokenPreflightThenAllowsTheAuthorizationHeaderFromAnyOrigin() {
        HttpResponse<String> response = Http.send("OPTIONS", server.base + "/token", null, null,
                "Origin", "http://localhost:6274", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(Http.header(response, "Access-Control-Allow-Headers")).contains("Authorization");
    }

    @Test
    void getOnTokenThen405WithAllow() {
        HttpResponse<String> response = Http.get(server.base + "/token");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.header(response, "Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void revokeThen200EmptyAndTheAccessTokenNoLongerOpensMcp() {
        Map<String, Object> tokens = server.oauth.publicTokens();
        String access = (String) tokens.get("access_token");

        HttpResponse<String> revoke = Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of(
                "token", access, "client_id", (String) tokens.get("client_id"))));
        HttpResponse<String> unknown = Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of(
                "token", "never-issued", "client_id", (String) tokens.get("client_id"))));

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(revoke.body()).isEmpty();
        assertThat(Http.header(revoke, "Cache-Control")).isEqualTo("no-store");
        assertThat(unknown.statusCode()).as("RFC 7009: unknown tokens too").isEqualTo(200);
        HttpResponse<String> mcp = Http.post(server.mcp(), Http.JSON, "{}", "Authorization", "Bearer " + access);
        assertThat(mcp.statusCode()).isEqualTo(401);
        assertThat(Http.header(mcp, "WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void introspectWithConfidentialClientThenActiveForItsTokenAndInactiveForGarbage() {
        Map<String, Object> client = server.oauth.register("client_secret_basic", null);
        String clientId = (String) client.get("client_id");
        String basic = OAuthClient.basic(clientId, (String) client.get("client_secret"));
        Pkce pkce = Pkce.create();
        String access = (String) Http.json(server.oauth.token(codeGrant(server.oauth.code(clientId, pkce, null), pkce),
                "Authorization", basic)).get("access_token");

        HttpResponse<String> active = Http.post(server.base + "/introspect", Http.FORM, "token=" + access,
                "Authorization", basic);
        HttpResponse<String> garbage = Http.post(server.base + "/introspect", Http.FORM, "token=garbage",
                "Authorization", basic);

        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(Http.json(active)).containsEntry("active", true).containsEntry("sub", "user-alice")
                .containsEntry("client_id", clientId);
        assertThat(Http.header(active, "Cache-Control")).isEqualTo("no-store");
        assertThat(Http.json(garbage)).containsEntry("active", false).hasSize(1);
    }

    @Test
    void introspectWithPublicClientThen401InvalidClient() {
        Map<String, Object> tokens = server.oauth.publicTokens();

        HttpResponse<String> response = Http.post(server.base + "/introspect", Http.FORM, OAuthClient.form(Map.of(
                "token", (String) tokens.get("access_token"), "client_id", (String) tokens.get("client_id"))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("error", "invalid_client");
    }
}
