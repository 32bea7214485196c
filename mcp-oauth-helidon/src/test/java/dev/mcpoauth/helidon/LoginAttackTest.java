package dev.mcpoauth.helidon;

import dev.mcpoauth.core.LoginThrottling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mcpoauth.helidon.Attacks.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page attacked: XSS through every value it echoes, CSRF, credential guessing (throttled
 * per username and per address with a growing delay), username enumeration, replayed and unknown
 * requests, and floods.
 */
class LoginAttackTest {

    /** The default counts with one-minute locks, so that no lock can lapse while a slow machine runs the test. */
    static final LoginThrottling MINUTE_LOCKS = new LoginThrottling(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    static final String XSS = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>{app_name}";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(state|csrf_token)\" value=\"([^\"]*)\"");

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    /** A loaded login page: its URL, the CSRF cookie and its hidden fields. */
    record Page(String url, String cookie, String state, String csrf, HttpResponse<String> response) {

        static Page load(String loginUrl) {
            HttpResponse<String> page = Http.get(loginUrl);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            String cookie = page.headers().allValues("Set-Cookie").getFirst().split(";", 2)[0];
            Map<String, String> hidden = new LinkedHashMap<>();
            Matcher m = HIDDEN.matcher(page.body());
            while (m.find()) {
                hidden.put(m.group(1), m.group(2));
            }
            return new Page(loginUrl, cookie, hidden.get("state"), hidden.get("csrf_token"), page);
        }

        HttpResponse<String> post(String username, String password) {
            return post(Map.of("state", state, "csrf_token", csrf, "username", username, "password", password), cookie);
        }

        HttpResponse<String> post(Map<String, String> fields, String cookieHeader) {
            String target = URI.create(url).resolve("login").toString();
            return cookieHeader == null ? Http.post(target, Http.FORM, OAuthClient.form(fields))
                    : Http.post(target, Http.FORM, OAuthClient.form(fields), "Cookie", cookieHeader);
        }
    }

    private static String loginUrl(OAuthClient client, String clientId) {
        return client.loginPage(clientId, Pkce.create(), "s", null);
    }

    private static String newClient(OAuthClient client) {
        return (String) client.register("none", null).get("client_id");
    }

    private static void assertInert(String body) {
        assertThat(body).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("onerror=alert");
    }

    @Test
    void xssInTheClientNameIsEscapedOnTheLoginPage() {
        HttpResponse<String> registered = Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\""
                + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\""
                + XSS.replace("\"", "\\\"") + "\"}");
        String clientId = (String) Http.json(registered).get("client_id");

        String body = Page.load(loginUrl(server.oauth, clientId)).response().body();

        assertInert(body);
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("{app_name}");
    }

    @Test
    void xssInTheUsernameIsEscapedAndThePasswordNeverEchoed() {
        HttpResponse<String> failed = Page.load(loginUrl(server.oauth, newClient(server.oauth))).post(XSS, "hunter2-" + XSS);

        assertThat(failed.statusCode()).isEqualTo(200);
        assertInert(failed.body());
        assertThat(failed.body()).contains("value=\"&quot;&#39;&gt;&lt;script&gt;").doesNotContain("hunter2");
    }

    @Test
    void xssInTheLoginStateOrAnyAuthorizeParameterIsNeverEchoedRaw() {
        HttpResponse<String> login = Http.get(server.base + "/oauth/login?state=" + OAuthClient.enc(XSS));
        HttpResponse<String> authorize = Http.get(server.base + "/authorize?client_id=" + OAuthClient.enc(XSS)
                + "&redirect_uri=" + OAuthClient.enc(XSS) + "&state=" + OAuthClient.enc(XSS));

        assertThat(login.statusCode()).isEqualTo(400);
        assertInert(login.body());
        assertSecurityHeaders(login);
        Attacks.assertErrorPage(authorize, 400, "invalid_client");
        assertInert(authorize.body());
    }

    @Test
    void loginPostWithoutTheCsrfTokenThen403AndNoRedirect() {
        Page page = Page.load(loginUrl(server.oauth, newClient(server.oauth)));

        HttpResponse<String> response = page.post(Map.of("state", page.state(), "username", OAuthClient.USER,
                "password", OAuthClient.PASSWORD), page.cookie());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Your session expired");
        assertSecurityHeaders(response);
    }

    @Test
    void loginPostWithoutTheCsrfCookieThen403() {
        Page page = Page.load(loginUrl(server.oauth, newClient(server.oauth)));

        HttpResponse<String> response = page.post(Map.of("state", page.state(), "csrf_token", page.csrf(),
                "username", OAuthClient.USER, "password", OAuthClient.PASSWORD), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void loginPostWithACsrfTokenLiftedFromAnotherRequestThen403() {
        String clientId = newClient(server.oauth);
        Page victim = Page.load(loginUrl(server.oauth, clientId));
        Page attacker = Page.load(loginUrl(server.oauth, clientId));

        HttpResponse<String> response = victim.post(Map.of("state", victim.state(), "csrf_token", attacker.csrf(),
                "username", OAuthClient.USER, "password", OAuthClient.PASSWORD), victim.cookie());
        HttpResponse<String> otherCookie = victim.post(Map.of("state", victim.state(), "csrf_token", victim.csrf(),
                "username", OAuthClient.USER, "password", OAuthClient.PASSWORD), attacker.cookie());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(otherCookie.statusCode()).isEqualTo(403);
    }

    @Test
    void loginGetWithCredentialsInTheQueryNeverLogsIn() {
        Page page = Page.load(loginUrl(server.oauth, newClient(server.oauth)));

        HttpResponse<String> response = Http.get(page.url() + "&username=alice&password=wonderland", "Cookie", page.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        String clientId = newClient(server.oauth);
        HttpResponse<String> wrongPassword = Page.load(loginUrl(server.oauth, clientId)).post(OAuthClient.USER, "nope");
        HttpResponse<String> unknownUser = Page.load(loginUrl(server.oauth, clientId)).post("mallory", "nope");

        assertThat(wrongPassword.statusCode()).isEqualTo(unknownUser.statusCode()).isEqualTo(200);
        assertThat(errorText(wrongPassword)).isEqualTo(errorText(unknownUser)).isEqualTo("Wrong username or password.");
    }

    private static String errorText(HttpResponse<String> page) {
        Matcher m = Pattern.compile("<p id=\"login-error\"[^>]*>([^<]*)</p>").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void loginPostForAnUnknownOrCompletedRequestThen400() {
        Page page = Page.load(loginUrl(server.oauth, newClient(server.oauth)));
        assertThat(page.post(OAuthClient.USER, OAuthClient.PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> replay = page.post(OAuthClient.USER, OAuthClient.PASSWORD);
        HttpResponse<String> unknown = page.post(Map.of("state", "made-up", "csrf_token", page.csrf(),
                "username", OAuthClient.USER, "password", OAuthClient.PASSWORD), page.cookie());

        assertThat(replay.statusCode()).as("a login request completes once").isEqualTo(400);
        assertThat(replay.headers().firstValue("Location")).isEmpty();
        assertThat(unknown.statusCode()).as("its CSRF token was issued for another request").isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void repeatedWrongPasswordsForOneUsernameThen429WithRetryAfterAndAClearMessage(@TempDir Path own) {
        try (RunningServer fresh = RunningServer.start(own, b -> b.loginThrottling(MINUTE_LOCKS),
                TransportSettings.defaults().withoutRateLimits())) {
            OAuthClient client = fresh.client();
            Page page = Page.load(loginUrl(client, newClient(client)));
            for (int i = 0; i < 6; i++) {
                assertThat(page.post(OAuthClient.USER, "guess-" + i).statusCode()).as("failure %d", i).isEqualTo(200);
            }

            HttpResponse<String> locked = page.post(OAuthClient.USER, OAuthClient.PASSWORD);

            assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
            assertThat(Long.parseLong(Http.header(locked, "Retry-After"))).isBetween(1L, 60L);
            assertThat(locked.body()).contains("Too many failed sign-in attempts. Wait").contains("seconds and try again.");
            assertSecurityHeaders(locked);
            assertThat(page.post("someone-else", "x").statusCode()).as("other usernames are unaffected").isEqualTo(200);
        }
    }

    @Test
    void manyUsernamesGuessedFromOneAddressThenTheAddressGets429(@TempDir Path own) {
        try (RunningServer fresh = RunningServer.start(own, b -> b.loginThrottling(MINUTE_LOCKS),
                TransportSettings.defaults().withoutRateLimits())) {
            OAuthClient client = fresh.client();
            Page page = Page.load(loginUrl(client, newClient(client)));
            for (int i = 0; i < 21; i++) {
                assertThat(page.post("user-" + i, "guess").statusCode()).as("failure %d", i).isEqualTo(200);
            }

            HttpResponse<String> locked = page.post("fresh-user", "guess");

            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(Http.header(locked, "Retry-After"))).isBetween(1L, 60L);
        }
    }

    @Test
    void floodingTheLoginPageThen429PageWithRetryAfter(@TempDir Path own) {
        TransportSettings strict = TransportSettings.defaults().withoutRateLimits().toBuilder()
                .loginRateLimit(new RateLimit(3, java.time.Duration.ofHours(1))).build();
        try (RunningServer limited = RunningServer.start(own, b -> b, strict)) {
            String url = limited.base + "/oauth/login?state=x";
            for (int i = 0; i < 3; i++) {
                assertThat(Http.get(url).statusCode()).isEqualTo(400);
            }

            HttpResponse<String> flooded = Http.get(url);

            Attacks.assertErrorPage(flooded, 429, "too_many_requests");
            assertThat(Long.parseLong(Http.header(flooded, "Retry-After"))).isPositive();
        }
    }

    @Test
    void everyLoginPageCarriesTheSecurityHeaders() {
        Page page = Page.load(loginUrl(server.oauth, newClient(server.oauth)));
        assertSecurityHeaders(page.response());
        assertThat(page.response().headers().allValues("Set-Cookie").getFirst())
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/oauth/login");
        assertSecurityHeaders(Http.get(server.base + "/oauth/login"));
    }
}
