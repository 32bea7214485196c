package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static dev.mcpoauth.helidon.Attacks.assertErrorPage;
import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirect URIs attacked at registration and at {@code /authorize}: dangerous schemes, open
 * redirects, unregistered and lookalike URIs, unknown and stale clients. A request the server cannot
 * trust gets a 400 page and never a redirect (RFC 6749 §4.1.2.1).
 */
class RedirectAttackTest {

    static final String APP_REDIRECT = "https://app.example.com/cb";

    @TempDir
    static Path dir;
    static RunningServer server;
    static String clientId;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir, b -> b, TransportSettings.defaults().withoutRateLimits());
        clientId = (String) Http.json(register("[\"" + APP_REDIRECT + "\",\"" + OAuthClient.REDIRECT + "\"]"))
                .get("client_id");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> register(String redirectUris) {
        return Http.post(server.base + "/register", Http.JSON,
                "{\"redirect_uris\":" + redirectUris + ",\"token_endpoint_auth_method\":\"none\"}");
    }

    static HttpResponse<String> authorize(String client, String redirectUri) {
        return Http.get(server.base + "/authorize?response_type=code&client_id=" + OAuthClient.enc(client)
                + "&redirect_uri=" + OAuthClient.enc(redirectUri) + "&code_challenge=" + Pkce.create().challenge()
                + "&code_challenge_method=S256&state=r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript://%0aalert(1)", "data:text/html,<script>x</script>",
            "vbscript:msgbox(1)", "file:///etc/passwd", "blob:https://app.example.com/x", "about:blank"})
    void registerWithADangerousSchemeThenInvalidRedirectUri(String uri) {
        assertOAuthError(register("[\"" + uri.replace("\"", "\\\"") + "\"]"), 400, "invalid_redirect_uri");
    }

    @Test
    void registerWithPlainHttpToAnotherHostOrAFragmentOrUserInfoThenInvalidRedirectUri() {
        assertOAuthError(register("[\"http://app.example.com/cb\"]"), 400, "invalid_redirect_uri");
        assertOAuthError(register("[\"https://app.example.com/cb#frag\"]"), 400, "invalid_redirect_uri");
        assertOAuthError(register("[\"https://user@app.example.com/cb\"]"), 400, "invalid_redirect_uri");
        assertOAuthError(register("[\"/relative/cb\"]"), 400, "invalid_redirect_uri");
        assertOAuthError(register("[]"), 400, "invalid_redirect_uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/cb.evil.example", "https://app.example.com/cb/../../evil",
            "https://app.example.com/cb?next=https://evil.example", "https://app.example.com.evil.example/cb",
            "https://evil.example/cb", "https://app.example.com@evil.example/cb", "https://APP.example.com/cb",
            "https://app.example.com:8443/cb", "http://app.example.com/cb", "https://app.example.com/cb#x",
            "https://app.example.com/CB", "https://app.example.com/cb/"})
    void authorizeWithAnUnregisteredOrLookalikeRedirectThenA400PageAndNoRedirect(String redirect) {
        assertErrorPage(authorize(clientId, redirect), 400, "invalid_request");
    }

    @Test
    void authorizeWithALoopbackRedirectOnAnotherPathThen400ButAnyPortIsAccepted() {
        assertErrorPage(authorize(clientId, "http://127.0.0.1:53682/elsewhere"), 400, "invalid_request");
        assertErrorPage(authorize(clientId, "http://localhost:53682/callback"), 400, "invalid_request");
        HttpResponse<String> otherPort = authorize(clientId, "http://127.0.0.1:40001/callback");
        assertThat(otherPort.statusCode()).as("RFC 8252 §7.3: loopback redirect on any port").isEqualTo(302);
        assertThat(Http.header(otherPort, "Location")).startsWith(server.base + "/oauth/login?state=");
    }

    @Test
    void authorizeWithAnUnknownClientThenA400PageAndNoRedirect() {
        assertErrorPage(authorize("no-such-client", APP_REDIRECT), 400, "invalid_client");
        assertErrorPage(authorize("", APP_REDIRECT), 400, "invalid_request");
    }

    @Test
    void staleClientIdAfterItsRegistrationWasDeletedThenInvalidClientEverywhere() {
        String stale = (String) Http.json(register("[\"" + OAuthClient.REDIRECT + "\"]")).get("client_id");
        server.store.deleteClient(stale);

        assertErrorPage(authorize(stale, OAuthClient.REDIRECT), 400, "invalid_client");
        assertOAuthError(server.client().token(Map.of("grant_type", "authorization_code", "code", "c",
                "code_verifier", Pkce.create().verifier(), "client_id", stale)), 401, "invalid_client");
    }

    @Test
    void authorizeErrorsAfterTheRedirectIsTrustedCarryTheIssuerAndStateRfc9207() {
        HttpResponse<String> response = Http.get(server.base + "/authorize?response_type=token&client_id=" + clientId
                + "&redirect_uri=" + OAuthClient.enc(OAuthClient.REDIRECT) + "&state=keep-me");

        assertThat(Attacks.assertErrorRedirect(response, server.base, "unsupported_response_type"))
                .containsEntry("state", "keep-me");
    }

    @Test
    void registerWhenTheAllowListDoesNotNameTheHostThenInvalidRedirectUri(@TempDir Path own) {
        try (RunningServer strict = RunningServer.start(own, b -> b.allowedRedirectHosts("claude.ai", "localhost"),
                TransportSettings.defaults().withoutRateLimits())) {
            HttpResponse<String> refused = Http.post(strict.base + "/register", Http.JSON,
                    "{\"redirect_uris\":[\"https://evil.example/cb\"]}");
            HttpResponse<String> allowed = Http.post(strict.base + "/register", Http.JSON,
                    "{\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"],\"token_endpoint_auth_method\":\"none\"}");

            assertOAuthError(refused, 400, "invalid_redirect_uri");
            assertThat(allowed.statusCode()).isEqualTo(201);
        }
    }

    @Test
    void successfulLoginRedirectsOnlyToTheRequestedRegisteredUriWithIssuer() {
        OAuthClient oauth = server.client();
        Pkce pkce = Pkce.create();
        HttpResponse<String> done = oauth.submitLogin(oauth.loginPage(clientId, pkce, "s-ok", null),
                OAuthClient.USER, OAuthClient.PASSWORD);

        URI location = URI.create(Http.header(done, "Location"));
        assertThat(location.toString()).startsWith(OAuthClient.REDIRECT + "?");
        assertThat(OAuthClient.query(location)).containsEntry("iss", server.base).containsEntry("state", "s-ok")
                .containsKey("code");
    }
}
