package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /authorize}: redirects to the login page, error redirects, and the no-redirect page. */
class AuthorizeEndpointTest {

    @TempDir
    static Path dir;
    static RunningServer server;
    static String clientId;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir);
        clientId = (String) server.client().register("none", null).get("client_id");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void authorizeWhenValidThen302ToTheLoginPageNotCached() {
        HttpResponse<String> response = server.client().authorize(clientId, Pkce.create(), "abc",
                "resource=" + OAuthClient.enc(server.mcp()));

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(Http.header(response, "Location"));
        assertThat(location.toString()).startsWith(server.base + "/oauth/login?state=");
        assertThat(OAuthClient.query(location).get("state")).as("server-chosen id, not the client's state")
                .isNotEqualTo("abc");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).as("a navigation, no CORS").isEmpty();
    }

    @Test
    void authorizeWhenClientUnknownThen400HtmlPageAndNeverARedirect() {
        HttpResponse<String> response = server.client().authorize("no-such-client", Pkce.create(), "abc", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(Http.header(response, "Content-Type")).startsWith("text/html");
        assertThat(Http.header(response, "Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.body()).contains("invalid_client").doesNotContain("<script");
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThen400HtmlPage() {
        HttpResponse<String> response = Http.get(server.base + "/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + OAuthClient.enc("https://evil.example/<b>cb") + "&code_challenge="
                + Pkce.create().challenge() + "&code_challenge_method=S256");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain("<b>").doesNotContain("evil.example");
    }

    @Test
    void authorizeWhenPkceMethodIsPlainThen302ErrorRedirectWithStateAndIss() {
        HttpResponse<String> response = Http.get(server.base + "/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + OAuthClient.enc(OAuthClient.REDIRECT)
                + "&code_challenge=abc&code_challenge_method=plain&state=s%201");

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(Http.header(response, "Location"));
        assertThat(location.toString()).startsWith(OAuthClient.REDIRECT + "?");
        Map<String, String> params = OAuthClient.query(location);
        assertThat(params).containsEntry("error", "invalid_request").containsEntry("state", "s 1")
                .containsEntry("iss", server.base).containsKey("error_description");
    }

    @Test
    void authorizeWhenAParameterIsRepeatedThen400HtmlPage() {
        HttpResponse<String> response = Http.get(server.base + "/authorize?client_id=" + clientId + "&client_id=other");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_request");
    }

    @Test
    void postOrPreflightToAuthorizeThen405BecauseItIsANavigationOnly() {
        HttpResponse<String> preflight = Http.send("OPTIONS", server.base + "/authorize", null, null,
                "Origin", "http://localhost:6274", "Access-Control-Request-Method", "GET");
        HttpResponse<String> post = Http.post(server.base + "/authorize", Http.FORM, "client_id=" + clientId);

        assertThat(preflight.statusCode()).isEqualTo(405);
        assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(Http.header(post, "Allow")).isEqualTo("GET, HEAD");
    }
}
