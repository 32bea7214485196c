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

/** The real default login page served at {@code /oauth/login}, and its assets. */
class LoginEndpointTest {

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

    private static String loginPage() {
        return server.client().loginPage(clientId, Pkce.create(), "xyz", null);
    }

    @Test
    void loginGetThenRendersTheFormWithCsrfCookieAndTheHandlersSecurityHeaders() {
        HttpResponse<String> page = Http.get(loginPage());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Http.header(page, "Content-Type")).startsWith("text/html");
        assertThat(Http.header(page, "Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("mcp_oauth_csrf=").contains("HttpOnly", "SameSite=Strict", "Path=/oauth/login"));
        assertThat(page.body()).contains("name=\"csrf_token\"", "/oauth/assets/login.css", "Test App");
    }

    @Test
    void loginPostWithCookieAndTokenThen302ToTheClientWithCodeStateAndIss() {
        HttpResponse<String> done = server.client().submitLogin(loginPage(), OAuthClient.USER, OAuthClient.PASSWORD);

        assertThat(done.statusCode()).isEqualTo(302);
        URI location = URI.create(Http.header(done, "Location"));
        assertThat(location.toString()).startsWith(OAuthClient.REDIRECT + "?");
        Map<String, String> params = OAuthClient.query(location);
        assertThat(params).containsKey("code").containsEntry("state", "xyz").containsEntry("iss", server.base);
    }

    @Test
    void loginPostWithWrongPasswordThenTheFormAgainWithAnErrorAndNoRedirect() {
        HttpResponse<String> again = server.client().submitLogin(loginPage(), OAuthClient.USER, "wrong");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(again.body()).contains("name=\"password\"").doesNotContain("wrong\"");
    }

    @Test
    void loginPostWithoutTheCsrfCookieThen403() {
        String login = loginPage();
        String state = OAuthClient.query(URI.create(login)).get("state");

        HttpResponse<String> response = Http.post(server.base + "/oauth/login", Http.FORM,
                OAuthClient.form(Map.of("state", state, "username", OAuthClient.USER, "password", OAuthClient.PASSWORD,
                        "csrf_token", "forged")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void loginHeadThenHeadersOfThePageWithoutItsBody() {
        HttpResponse<String> response = Http.send("HEAD", loginPage(), null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.header(response, "Content-Type")).startsWith("text/html");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void loginWithUnknownStateThen400Page() {
        HttpResponse<String> response = Http.get(server.base + "/oauth/login?state=unknown");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.header(response, "Content-Type")).startsWith("text/html");
    }

    @Test
    void loginPostLargerThanTheLimitThen413() {
        HttpResponse<String> response = Http.post(server.base + "/oauth/login", Http.FORM,
                "state=x&username=" + "a".repeat(70 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void putOnLoginThen405WithAllow() {
        HttpResponse<String> response = Http.send("PUT", server.base + "/oauth/login", Http.FORM, "a=b");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.header(response, "Allow")).isEqualTo("GET, HEAD, POST");
    }

    @Test
    void loginAssetsThenServedCacheableWithNosniff() {
        HttpResponse<String> css = Http.get(server.base + "/oauth/assets/login.css");
        HttpResponse<String> missing = Http.get(server.base + "/oauth/assets/nope.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(Http.header(css, "Content-Type")).startsWith("text/css");
        assertThat(Http.header(css, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Http.header(css, "Cache-Control")).contains("max-age");
        assertThat(css.body()).isNotBlank();
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
